// The one write gate: what a fix may touch, judged by where paths really lead.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkChange, checkFix, WriteGate, writeRoot } from '../src/engine/writeGate';
import type { FileChange } from '../src/engine/types';

describe('the write gate', () => {
  let arena: string;
  let ws: string;
  let out: string;
  const edit = (file: string): FileChange => ({ type: 'edit', file, edits: [] });
  const verdict = (change: FileChange, origin = join(ws, 'pkg', 'mod.py')) => {
    const v = checkChange(change, origin, ws);
    return v.ok ? 'ok' : v.reason;
  };

  beforeEach(() => {
    arena = mkdtempSync(join(tmpdir(), 'pyguide-gate-'));
    ws = join(arena, 'ws');
    out = join(arena, 'out');
    mkdirSync(join(ws, 'pkg'), { recursive: true });
    mkdirSync(join(ws, '.git'), { recursive: true });
    mkdirSync(join(ws, '.hg'), { recursive: true });
    mkdirSync(out);
    writeFileSync(join(ws, 'pkg', 'mod.py'), 'x = 1\n');
    writeFileSync(join(ws, 'pkg', 'pyproject.toml'), '');
    writeFileSync(join(ws, 'pyproject.toml'), '');
    writeFileSync(join(ws, '.git', 'config'), '');
    writeFileSync(join(out, 'target.py'), '');
    symlinkSync(join(out, 'target.py'), join(ws, 'pkg', 'link.py'));
    symlinkSync(out, join(ws, 'pkg', 'linkdir'));
    symlinkSync(join(out, 'new.py'), join(ws, 'pkg', 'dangling.py'));
    symlinkSync(join(ws, '.git'), join(ws, 'pkg', 'gitlink'));
  });
  afterEach(() => rmSync(arena, { recursive: true, force: true }));

  it('lets a fix edit its own file and the workspace pyproject files, create beside it, rename in place, delete itself', () => {
    assert.equal(verdict(edit(join(ws, 'pkg', 'mod.py'))), 'ok');
    assert.equal(verdict(edit(join(ws, 'pyproject.toml'))), 'ok');
    assert.equal(verdict({ type: 'create', file: join(ws, 'pkg', 'src', 'py.typed'), content: '' }, join(ws, 'pkg', 'pyproject.toml')), 'ok');
    assert.equal(verdict({ type: 'rename', from: join(ws, 'pkg', 'mod.py'), to: join(ws, 'pkg', 'mod_test.py') }), 'ok');
    assert.equal(verdict({ type: 'delete', file: join(ws, 'pkg', 'mod.py') }), 'ok');
  });

  it('refuses paths outside the root, relative paths, and links that lead out', () => {
    assert.equal(verdict(edit(join(out, 'target.py'))), `${join(out, 'target.py')}: outside the workspace root ${ws}`);
    assert.equal(verdict(edit('.git/config')), '.git/config: not an absolute path');
    assert.equal(verdict(edit(join(ws, 'pkg', 'link.py')), join(ws, 'pkg', 'link.py')), `${join(ws, 'pkg', 'link.py')}: leads outside the workspace root ${ws} (to ${join(out, 'target.py')})`);
    assert.match(verdict({ type: 'create', file: join(ws, 'pkg', 'linkdir', 'x.py'), content: '' }), /leads outside the workspace root/);
    assert.match(verdict({ type: 'create', file: join(ws, 'pkg', 'dangling.py'), content: '' }), /leads outside the workspace root .* \(to .*new\.py\)/);
    assert.match(verdict(edit(join(ws, 'pkg', '..', '..', 'out', 'target.py'))), /outside the workspace root/);
  });

  it('refuses anything under a version control folder, reached directly or through a link', () => {
    assert.equal(verdict(edit(join(ws, '.git', 'config')), join(ws, '.git', 'config')), `${join(ws, '.git', 'config')}: inside the version control folder .git`);
    assert.equal(verdict({ type: 'create', file: join(ws, '.hg', 'hgrc'), content: '' }, join(ws, 'pyproject.toml')), `${join(ws, '.hg', 'hgrc')}: inside the version control folder .hg`);
    assert.match(verdict({ type: 'create', file: join(ws, 'pkg', 'gitlink', 'hooks', 'pre-commit'), content: '' }, join(ws, 'pkg', 'pyproject.toml')), /inside the version control folder \.git/);
  });

  it('refuses what the fix has no business with', () => {
    assert.match(verdict(edit(join(ws, 'other.py'))), /may not edit it/);
    assert.match(verdict({ type: 'create', file: join(ws, 'elsewhere', 'x.py'), content: '' }), /may only create files below its folder/);
    assert.match(verdict({ type: 'create', file: join(ws, 'pkg', 'mod.py'), content: '' }), /already exists/);
    assert.match(verdict({ type: 'rename', from: join(ws, 'pyproject.toml'), to: join(ws, 'x.toml') }), /may only rename that file/);
    assert.match(verdict({ type: 'rename', from: join(ws, 'pkg', 'mod.py'), to: join(ws, 'mod.py') }), /a rename stays in its folder/);
    assert.match(verdict({ type: 'delete', file: join(ws, 'pyproject.toml') }), /may only delete that file/);
    assert.match(verdict({ type: 'delete', file: join(ws, 'pkg') }, join(ws, 'pkg')), /not a regular file/);
    assert.match(verdict({ type: 'format-disk' } as unknown as FileChange), /unknown change/);
  });

  it('takes a fix whole or not at all, naming the first refused change', () => {
    const v = checkFix({ title: 'Add license header', safe: true, changes: [edit(join(ws, 'pkg', 'mod.py')), { type: 'delete', file: join(out, 'target.py') }] }, join(ws, 'pkg', 'mod.py'), ws);
    assert.deepEqual(v, { ok: false, reason: `fix "Add license header" for ${join(ws, 'pkg', 'mod.py')}: ${join(out, 'target.py')}: outside the workspace root ${ws}` });
    assert.deepEqual(checkFix({ title: 't', safe: true, changes: undefined as unknown as FileChange[] }, join(ws, 'pkg', 'mod.py'), ws), { ok: false, reason: `fix "t" for ${join(ws, 'pkg', 'mod.py')} has no list of changes` });
  });

  it('logs each refusal once, and roots a file without a Python workspace at its editor folder or its own folder', () => {
    const logged: string[] = [];
    const gate = new WriteGate(() => ws, (r) => logged.push(r));
    const fix = { title: 'x', safe: true, changes: [edit(join(out, 'target.py'))] };
    assert.equal(gate.allowsFix(fix, join(ws, 'pkg', 'mod.py')), false);
    assert.equal(gate.allowsFix(fix, join(ws, 'pkg', 'mod.py')), false);
    assert.equal(logged.length, 1);
    assert.equal(gate.allowsOwnEdits(join(ws, 'pkg', 'mod.py')), true);
    assert.equal(writeRoot('/r', '/r/a/b.py', ['/f']), '/r');
    assert.equal(writeRoot(undefined, '/f/a/b.py', ['/g', '/f']), '/f');
    assert.equal(writeRoot(undefined, '/x/a/b.py', ['/f']), '/x/a');
  });
});
