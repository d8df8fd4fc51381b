// The extensionTestsPath entry: VS Code (code-server through a browser, or @vscode/test-electron)
// loads this inside the extension host and awaits run(); a rejection fails the run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.PYGUIDE_E2E_GREP });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
