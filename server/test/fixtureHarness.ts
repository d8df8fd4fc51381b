// Shared by the rule tests: lint fixture files and workspaces with a chosen set of rules, and
// compare with the expected findings written beside them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { PresetId } from '../src/engine/presets';
import { LintSession } from '../src/engine/session';
import type { Finding, Rule } from '../src/engine/types';
import { PythonParser } from '../src/parsing/python';
import { parseTomlDocument } from '../src/parsing/toml';
import { DiskFiles } from '../src/workspace/files';
import { scanFiles } from '../src/workspace/scan';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test-fixtures');

/** A finding as the expected files write it: `L:C-L:C rule-id`, 1-based, with `path:` for workspaces. */
export function formatFinding(f: Finding, base?: string): string {
  const where = `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
  return base ? `${relative(base, f.file).split(sep).join('/')}:${where} ${f.rule}` : `${where} ${f.rule}`;
}

export function readExpected(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * A session running `rules`. Fixture files and most fixture workspaces are folders pyguide would
 * leave alone (no `[tool.pyguide]`, not Genkit's): they are checked with the guidelines' preset.
 */
export async function sessionWith(rules: readonly Rule[], unconfigured: PresetId | 'off' = 'genkit-plugins'): Promise<LintSession> {
  return LintSession.create(
    new DiskFiles(),
    (rule, file, error) => {
      throw new Error(`rule ${rule.id} threw on ${file}: ${String(error)}`);
    },
    rules,
    { unconfigured },
  );
}

/** Lints every file of a fixture workspace (a directory), the way the CLI does. */
export async function lintWorkspace(session: LintSession, dir: string): Promise<Finding[]> {
  const files = await scanFiles(dir);
  for (const f of files) await session.prepare(session.workspaces.forFile(f));
  return files.flatMap((f) => session.lintFile(f));
}

export function listDir(dir: string): { files: string[]; dirs: string[] } {
  const entries = readdirSync(dir).sort();
  return {
    files: entries.filter((e) => statSync(join(dir, e)).isFile()),
    dirs: entries.filter((e) => statSync(join(dir, e)).isDirectory()),
  };
}

/** Single-file fixtures of pyproject rules are named <case>.toml but linted as a pyproject.toml. */
export function lintPath(dir: string, file: string): string {
  return file.endsWith('.toml') ? join(dir, basename(file, '.toml'), 'pyproject.toml') : join(dir, file);
}

/** How broken a text is: ERROR and missing nodes of Python, or 1 for TOML that does not parse or a shell script `bash -n` rejects. */
export async function syntaxErrors(file: string, text: string): Promise<number> {
  if (file.endsWith('.toml')) return parseTomlDocument(text).ok ? 0 : 1;
  if (file.endsWith('.sh')) return spawnSync('bash', ['-n'], { input: text }).status === 0 ? 0 : 1;
  const parser = await PythonParser.create();
  const tree = parser.parse(text);
  const cursor = tree.walk();
  let errors = 0;
  try {
    for (;;) {
      if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) errors++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return errors;
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
}
