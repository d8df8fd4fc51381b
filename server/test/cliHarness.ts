// The CLI as CI runs it: the built bin/pyguide.js as a child process, and throwaway trees to run it in.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', '..', 'bin', 'pyguide.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runWith(env: Record<string, string | undefined>, cwd: string, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function run(cwd: string, ...args: string[]): CliRun {
  return runWith({}, cwd, ...args);
}

/** A temporary directory holding these files (paths relative to it). */
export function tree(files: Record<string, string | Buffer>, prefix = 'pyguide-cli-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}
