// `pyguide query '<pattern>' [paths...]`: every match of a team-rule pattern (or, with --query, a
// tree-sitter query) in Python files, with what each metavariable matched. For writing rules: it
// reads no configuration and reports no findings; exit 0 with matches, 1 without, 2 on a bad pattern.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { compileSearch, findIn, type PatternHit } from '../custom/find';
import { PythonParser } from '../parsing/python';
import { UsageError, type QueryOptions } from './args';
import { collectFiles } from './check';
import type { Style } from './style';

/** Runs the query; writes the matches to `out`; returns the exit code. */
export async function runQuery(options: QueryOptions, cwd: string, out: (text: string) => void, style: Style): Promise<number> {
  const parser = await PythonParser.create();
  let search: ReturnType<typeof compileSearch>;
  try {
    search = compileSearch(parser.language, options.isQuery ? { query: options.source } : { pattern: options.source });
  } catch (e) {
    const offset = (e as { offset?: number }).offset;
    const where = offset === undefined ? '' : `\n  ${options.source.split('\n').join('\n  ')}\n  ${' '.repeat(offset)}^ (character ${offset + 1})`;
    throw new UsageError(`${(e as Error).message}${where}`);
  }
  const found: { file: string; hit: PatternHit }[] = [];
  try {
    for (const file of (await collectFiles(options.paths, cwd)).filter((f) => /\.pyi?$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const tree = parser.parse(text);
      try {
        for (const hit of findIn(search, tree, text)) found.push({ file: relative(cwd, file) || file, hit });
      } finally {
        tree.delete();
      }
    }
  } finally {
    search.dispose();
  }
  if (options.format === 'json') {
    out(JSON.stringify(found.map(({ file, hit }) => ({ file, line: hit.range.start.line + 1, column: hit.range.start.character + 1, endLine: hit.range.end.line + 1, endColumn: hit.range.end.character + 1, text: hit.text, bindings: hit.bindings })), null, 2));
  } else {
    const lines = found.map(({ file, hit }) => {
      const bound = Object.entries(hit.bindings).map(([name, value]) => `\n    $${name} = ${value}`).join('');
      return `${style.bold(`${file}:${hit.range.start.line + 1}:${hit.range.start.character + 1}`)}: ${hit.text}${bound}`;
    });
    out([...lines, `${found.length} match${found.length === 1 ? '' : 'es'}.`].join('\n'));
  }
  return found.length > 0 ? 0 : 1;
}
