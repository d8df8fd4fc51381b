// The rule pages of docs/rules/, which ship beside the bundles (dist/../docs/rules) in the npm package
// and the .vsix: `pyguide explain` prints them, the SARIF output carries them as each rule's help,
// and the editor opens them locally.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from './registry';

/** Where the pages are: the package's docs/rules, one level up from the bundle. */
export function ruleDocsDir(): string {
  return (docsDir ??= join(__dirname, '..', 'docs', 'rules'));
}

let docsDir: string | undefined;

/** The page to link a rule to: the installed copy when there is one, else the repository's. */
export function ruleDocsLink(id: string, dir = ruleDocsDir()): { uri: string; local: boolean } {
  // Every diagnostic of every keystroke carries its link: look at the disk, and build the path, once per page.
  let inDir = links.get(dir);
  if (!inDir) links.set(dir, (inDir = new Map()));
  let link = inDir.get(id);
  if (!link) {
    const page = join(dir, `${id}.md`);
    inDir.set(id, (link = existsSync(page) ? { uri: pathToFileURL(page).toString(), local: true } : { uri: docsUrl(id), local: false }));
  }
  return link;
}

const links = new Map<string, Map<string, { uri: string; local: boolean }>>();

/** The page of a rule, or undefined when it is missing (a broken install). */
export function readRuleDoc(id: string, dir = ruleDocsDir()): string | undefined {
  try {
    return readFileSync(join(dir, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/** The body of the `## <heading>` section, without its heading, trimmed. */
export function docSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

/** The first paragraph of markdown as plain text: one line, without emphasis, code or link markup. */
export function firstParagraphText(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/)[0] ?? '';
  return paragraph
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .trim();
}

/** The page without its `# title` line: the help of a rule shown under the rule's own name. */
export function withoutTitle(markdown: string): string {
  return markdown.replace(/^# [^\n]*\n+/, '').trim();
}
