import { relative, sep } from 'node:path';

/** `file` relative to the current directory with `/` separators, as every output format shows it. */
export function displayPath(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/') || '.';
}
