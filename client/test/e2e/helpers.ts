// Shared by the end-to-end suites: waiting on what VS Code shows, and the CLI as the oracle for
// what pyguide should find on disk.
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { JsonFinding } from '../../../server/src/cli/output/json';

export const EXTENSION_ID = 'pyguide.pyguide';

export function extensionRoot(): string {
  return vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
}

export function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!found) throw new Error(`workspace folder ${name} is not open`);
  return found;
}

export function fileIn(folderName: string, rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(folderName).uri, rel);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something truthy; fails with `what` after the timeout (generous: it only names a hang, and the machine may be busy). */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** The diagnostics of one rule. */
export function ofRule(ds: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return ds.filter((d) => codeOf(d) === rule);
}

/** The index of the first line of `text` that contains `needle`. */
export function lineWith(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i;
}

export function pyguideDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pyguide');
}

/** `L:C-L:C rule` with 0-based positions, as VS Code holds them. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${codeOf(d)}`;
}

export function described(uri: vscode.Uri): string[] {
  return pyguideDiagnostics(uri).map(describeDiagnostic).sort();
}

export async function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} (${vscode.workspace.asRelativePath(uri)}: ${JSON.stringify(described(uri))})`, () => {
    const ds = pyguideDiagnostics(uri);
    return accept(ds) ? ds : undefined;
  }, timeoutMs);
}

export type CliFinding = JsonFinding;

function runCli(cwd: string, args: string[]): string {
  try {
    return execFileSync(process.execPath, [join(extensionRoot(), 'bin', 'pyguide.js'), ...args], {
      cwd,
      encoding: 'utf8',
      // Under @vscode/test-electron the extension host's execPath is Electron.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      maxBuffer: 1 << 26,
    });
  } catch (e) {
    // Exit code 1 means findings; the JSON is on stdout all the same.
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    return err.stdout;
  }
}

/** `pyguide check --format json` over paths of a folder, as CI would run it. */
export function cliFindings(folderName: string, paths: string[] = ['.']): CliFinding[] {
  return JSON.parse(runCli(folder(folderName).uri.fsPath, ['check', '--format', 'json', ...paths])) as CliFinding[];
}

let rules: Set<string> | undefined;

/** The rule ids this build of pyguide has (its SARIF output lists them all). */
export function availableRules(): Set<string> {
  if (!rules) {
    const sarif = JSON.parse(runCli(folder('second').uri.fsPath, ['check', '--format', 'sarif', '--exit-zero', 'pyproject.toml']));
    rules = new Set((sarif.runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id));
  }
  return rules;
}

/** A CLI finding in the shape of describeDiagnostic, prefixed with its path relative to the folder. */
export function describeCliFinding(f: CliFinding): string {
  return `${f.file}:${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.rule}`;
}

/** Every pyguide diagnostic VS Code holds for files under a folder, like describeCliFinding. */
export function diagnosticsUnder(folderName: string): string[] {
  const root = folder(folderName).uri.fsPath;
  const out: string[] = [];
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file' || !uri.fsPath.startsWith(root + '/')) continue;
    const rel = relative(root, uri.fsPath);
    for (const d of ds) if (d.source === 'pyguide') out.push(`${rel}:${describeDiagnostic(d)}`);
  }
  return out.sort();
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Throws away unsaved changes of the active editor and closes it. */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export async function setConfig(section: string, key: string, value: unknown, target: vscode.ConfigurationTarget, scope?: vscode.ConfigurationScope): Promise<void> {
  await vscode.workspace.getConfiguration(section, scope).update(key, value, target);
}
