// `pyguide explain <rule>`: the rule's docs page in the terminal, as `ruff rule` prints its own.
import { ruleCatalogue } from './catalogue';
import { UsageError } from './args';
import { readRuleDoc } from '../engine/ruleDocs';
import type { Style } from './style';

/** The page as written, headings in bold when colour is on. */
export function explainRule(id: string, style: Style, docsDir?: string): string {
  if (!ruleCatalogue().some((r) => r.id === id)) {
    const near = ruleCatalogue().filter((r) => r.id.includes(id) || id.includes(r.id)).map((r) => r.id);
    throw new UsageError(`unknown rule "${id}"${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; \`pyguide rules\` lists them`);
  }
  const page = readRuleDoc(id, docsDir);
  if (page === undefined) throw new Error(`the docs page of ${id} is missing from this installation (docs/rules/${id}.md)`);
  return page
    .trimEnd()
    .split('\n')
    .map((line) => (/^#{1,6} /.test(line) ? style.bold(line) : line))
    .join('\n');
}
