// `pyguide check --config <file>`: the file must hold a readable `[tool.pyguide]` table, or nothing runs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getPath, parseTomlDocument } from '../parsing/toml';
import { UsageError } from './args';

/** The absolute path of a usable configuration file; a usage error (exit 2) says what is wrong with any other. */
export function configFileFor(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`--config ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const doc = parseTomlDocument(text);
  if (!doc.ok) throw new UsageError(`--config ${path}: not valid TOML (line ${doc.error.line + 1}: ${doc.error.message})`);
  const table = getPath(doc.value, 'tool', 'pyguide');
  if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new UsageError(`--config ${path}: no [tool.pyguide] table in it`);
  return abs;
}
