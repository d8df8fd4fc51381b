// What the language server says in the pyguide output at the default (info) level: its version, and
// for each folder the preset and configuration file in effect, or why it is not checked.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspHarness } from './lspHarness';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

async function logsOf(root: string): Promise<string[]> {
  const lsp = await LspHarness.start({ root });
  try {
    // The folder lines follow `initialized`; a request round-trip after it lets them arrive.
    await lsp.executeCommand('pyguide.server.checkWorkspace', [], { workDoneToken: 'log' });
    return lsp.logs.filter((l) => l.startsWith('pyguide ') || l.startsWith('folder '));
  } finally {
    await lsp.shutdown();
  }
}

describe('language server: the log', function () {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pyguide-log-'));
    mkdirSync(join(root, 'src'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names the version and the configuration in effect', async () => {
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "ws"\n\n[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide]\npreset = "generic"\n');
    const lines = await logsOf(root);
    assert.equal(lines[0], `pyguide ${VERSION} language server, Node ${process.version}`);
    assert.match(lines[1], new RegExp(`^folder folder0: preset generic \\(.*\\), configuration ${join(root, 'pyproject.toml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('says why a folder is not checked', async () => {
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "plain"\n');
    const lines = await logsOf(root);
    assert.match(lines[1], /^folder folder0: not checked: /);
  });
});
