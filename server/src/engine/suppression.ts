// Suppression comments, read and written in one place: `# pyguide: ignore[...]` on a line (or alone
// on the line before), `# pyguide: ignore-file[...]` near the top, and Ruff's `# noqa: CODE` for a
// rule's Ruff twin.
import { detached, readOncePerText } from '../base/strings';
import { preludeLines, type TextIndex } from './textIndex';
import type { Finding, Rule, TextEdit } from './types';

export interface CommentInfo {
  /** 0-based line of the comment. */
  line: number;
  /** The comment's text, starting with `#`. */
  text: string;
  /** Nothing but whitespace stands before it on its line. */
  ownLine: boolean;
}

/** How many lines from the top an `ignore-file` comment may stand. */
export const FILE_DIRECTIVE_LINES = 30;

export const LINE_DIRECTIVE = /#\s*pyguide\s*:\s*ignore\s*\[([^\]]*)\]/i;
const FILE_DIRECTIVE = /#\s*pyguide\s*:\s*ignore-file\s*\[([^\]]*)\]/i;
// Ruff's own grammar: `# noqa: A1, B2` on a line, `# ruff: noqa: A1` for the file.
const NOQA = /#\s*noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;
const RUFF_FILE_NOQA = /#\s*ruff\s*:\s*noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;

/** Every directive names pyguide or noqa. */
const MAY_DIRECT = /pyguide|noqa/i;

/** Whether a comment may hold a directive: most comments are prose, passed over on this cheap test. */
export function mayDirect(comment: string): boolean {
  return MAY_DIRECT.test(comment);
}

/** What a comment's text directs, before the rules' Ruff twins are looked up. */
interface Directives {
  /** `ignore-file[...]` ids (they count only near the top). */
  file: string[];
  /** `# ruff: noqa: ...` codes. */
  ruffFile: string[];
  /** `ignore[...]` ids and, unless the comment is a file-wide noqa, its `noqa: ...` codes. */
  line: string[];
  noqa: string[];
}

/**
 * The directives of a comment's text. Each keystroke reads the file's suppressions again, from the
 * same comment texts: their patterns run once per text.
 */
const directivesOf = readOncePerText((text): Directives => {
  const ruffFile = RUFF_FILE_NOQA.exec(text);
  return {
    file: ids(FILE_DIRECTIVE.exec(text)?.[1] ?? '').map(detached),
    ruffFile: ids(ruffFile?.[1] ?? '').map(detached),
    line: ids(LINE_DIRECTIVE.exec(text)?.[1] ?? '').map(detached),
    noqa: ruffFile ? [] : ids(NOQA.exec(text)?.[1] ?? '').map(detached),
  };
});
/** How many comment texts were read for directives (not found among the readings kept): for tests. */
export const directiveStats: { readonly reads: number } = directivesOf;

function ids(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Per rule list (a session's rules are one list for its lifetime): the rules each Ruff code stands for. */
const ruffCodes = new WeakMap<readonly Rule[], Map<string, string[]>>();

function ruffCodesOf(rules: readonly Rule[]): Map<string, string[]> {
  let byCode = ruffCodes.get(rules);
  if (!byCode) {
    byCode = new Map<string, string[]>();
    for (const r of rules) if (r.ruffTwin) byCode.set(r.ruffTwin, [...(byCode.get(r.ruffTwin) ?? []), r.id]);
    ruffCodes.set(rules, byCode);
  }
  return byCode;
}

/** The suppression comments of one file, ready to test findings against. */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string>>();
  private readonly fileWide = new Set<string>();

  constructor(comments: readonly CommentInfo[], rules: readonly Rule[]) {
    const rulesByRuffCode = ruffCodesOf(rules);
    const ruffTwins = (codes: string[]) => codes.flatMap((c) => rulesByRuffCode.get(c.toUpperCase()) ?? []);
    for (const c of comments) {
      // Most comments are prose: one cheap test before the directive patterns.
      if (!MAY_DIRECT.test(c.text)) continue;
      const d = directivesOf(c.text);
      if (c.line < FILE_DIRECTIVE_LINES) d.file.forEach((id) => this.fileWide.add(id));
      ruffTwins(d.ruffFile).forEach((id) => this.fileWide.add(id));
      const lineIds = [...d.line, ...ruffTwins(d.noqa)];
      if (lineIds.length === 0) continue;
      this.add(c.line, lineIds);
      // A directive alone on its line covers the line below it too.
      if (c.ownLine) this.add(c.line + 1, lineIds);
    }
  }

  private add(line: number, ruleIds: string[]): void {
    let set = this.byLine.get(line);
    if (!set) this.byLine.set(line, (set = new Set()));
    ruleIds.forEach((id) => set.add(id));
  }

  /** Nothing is suppressed. */
  get none(): boolean {
    return this.fileWide.size === 0 && this.byLine.size === 0;
  }

  isSuppressed(finding: Pick<Finding, 'rule' | 'range'>): boolean {
    return this.fileWide.has(finding.rule) || !!this.byLine.get(finding.range.start.line)?.has(finding.rule);
  }
}

/** The edit that adds `rule` to the line's `# pyguide: ignore[...]`, writing one if there is none. */
export function ignoreForLineEdit(index: TextIndex, line: number, rule: string): TextEdit {
  const lineText = index.lineText(line);
  const existing = LINE_DIRECTIVE.exec(lineText);
  if (existing) {
    const listStart = existing.index + existing[0].indexOf('[') + 1;
    const listEnd = listStart + existing[1].length;
    const listed = ids(existing[1]);
    return {
      range: { start: { line, character: listStart }, end: { line, character: listEnd } },
      newText: [...listed, rule].join(', '),
    };
  }
  return { range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, newText: `  # pyguide: ignore[${rule}]` };
}

/** The edit that adds `# pyguide: ignore-file[rule]` at the top, below a shebang or encoding line. */
export function ignoreForFileEdit(index: TextIndex, rule: string): TextEdit {
  const line = preludeLines(index);
  const at = line < index.lineCount ? { line, character: 0 } : { line: line - 1, character: index.lineEnd(line - 1) - index.lineStart(line - 1) };
  const directive = `# pyguide: ignore-file[${rule}]`;
  return { range: { start: at, end: at }, newText: line < index.lineCount ? `${directive}${index.eol}` : `${index.eol}${directive}` };
}
