// package.json (what VS Code shows and sends) against the server's settings and the client's code.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_KINDS } from '../../server/src/engine/fileKinds';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface SettingSchema {
  type: string;
  default: unknown;
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  scope?: string;
  additionalProperties?: { enum?: string[] };
}
const properties: Record<string, SettingSchema> = manifest.contributes.configuration.properties;
/** Settings the language client itself reads; the server never sees them. */
const CLIENT_ONLY = ['pyguide.trace.server', 'pyguide.realignTables'];

describe('package.json settings', () => {
  it("declares exactly the server's settings, with the server's defaults", () => {
    const declared = Object.keys(properties).filter((k) => !CLIENT_ONLY.includes(k));
    assert.deepEqual(declared.sort(), Object.keys(DEFAULT_SETTINGS).map((k) => `pyguide.${k}`).sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(properties[`pyguide.${key}`].default, value, key);
  });

  it('gives every setting a description and a scope; folder settings are resource-scoped for multi-root', () => {
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok((schema.description ?? schema.markdownDescription ?? '').length > 20, `${key} needs a description`);
      assert.ok(schema.scope, `${key} needs a scope`);
      if (!CLIENT_ONLY.includes(key)) assert.equal(schema.scope, 'resource', key);
    }
  });

  it('declares types and enum values the server accepts', () => {
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const schema = properties[`pyguide.${key}`];
      const type = Array.isArray(value) ? 'array' : typeof value;
      assert.equal(schema.type, type, key);
    }
    for (const run of properties['pyguide.run'].enum!) assert.equal(normalizeSettings({ run }).run, run);
    for (const level of properties['pyguide.severity'].additionalProperties!.enum!) {
      assert.deepEqual(normalizeSettings({ severity: { 'bare-noqa': level } }).severity, { 'bare-noqa': level });
    }
  });
});

describe('package.json contributions', () => {
  const commands: { command: string; title: string; category?: string }[] = manifest.contributes.commands;

  it('declares the commands of the design, titled "Pyguide: …"', () => {
    assert.deepEqual(commands.map((c) => c.command).sort(), [
      'pyguide.addEli5Row',
      'pyguide.checkWorkspace',
      'pyguide.createConfiguration',
      'pyguide.fixAll',
      'pyguide.insertEli5Table',
      'pyguide.restartServer',
      'pyguide.showOutput',
      'pyguide.testRulePattern',
    ]);
    assert.ok(commands.every((c) => c.category === 'Pyguide'));
    assert.equal(commands.find((c) => c.command === 'pyguide.checkWorkspace')!.title, 'Check Workspace');
    assert.equal(commands.find((c) => c.command === 'pyguide.insertEli5Table')!.title, 'Insert ELI5 Concepts Table');
  });

  it('offers Fix All in the command palette for every file kind (Python, pyproject.toml, shell scripts)', () => {
    const entry = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).find((m) => m.command === 'pyguide.fixAll')!;
    assert.equal(entry.when, 'editorLangId == python || resourceFilename == pyproject.toml || editorLangId == shellscript');
    const clauses = entry.when.split(' || ');
    for (const kind of FILE_KINDS) {
      for (const s of kind.selector.filter((x) => x.scheme === 'file')) {
        const clause = s.language ? `editorLangId == ${s.language}` : `resourceFilename == ${s.pattern!.replace('**/', '')}`;
        assert.ok(clauses.includes(clause), `${kind.id}: ${clause}`);
      }
    }
  });

  it('supports untrusted workspaces and is a Linters extension with an icon', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.categories.includes('Linters'));
    assert.ok(manifest.icon);
    assert.ok(readFileSync(join(root, manifest.icon)).subarray(1, 4).toString() === 'PNG');
  });
});
