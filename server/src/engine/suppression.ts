import type { Finding, Rule } from './types';

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

const LINE_DIRECTIVE = /#\s*pyguide\s*:\s*ignore\s*\[([^\]]*)\]/i;
const FILE_DIRECTIVE = /#\s*pyguide\s*:\s*ignore-file\s*\[([^\]]*)\]/i;
// Ruff's own grammar: `# noqa: A1, B2` on a line, `# ruff: noqa: A1` for the file.
const NOQA = /#\s*noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;
const RUFF_FILE_NOQA = /#\s*ruff\s*:\s*noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;

function ids(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The suppression comments of one file, ready to test findings against. */
export class Suppressions {
  private readonly byLine = new Map<number, Set<string>>();
  private readonly fileWide = new Set<string>();

  constructor(comments: readonly CommentInfo[], rules: readonly Rule[]) {
    const rulesByRuffCode = new Map<string, string[]>();
    for (const r of rules) {
      if (r.ruffTwin) rulesByRuffCode.set(r.ruffTwin, [...(rulesByRuffCode.get(r.ruffTwin) ?? []), r.id]);
    }
    const ruffTwins = (codes: string[]) => codes.flatMap((c) => rulesByRuffCode.get(c.toUpperCase()) ?? []);
    for (const c of comments) {
      const fileMatch = c.line < FILE_DIRECTIVE_LINES ? FILE_DIRECTIVE.exec(c.text) : null;
      if (fileMatch) ids(fileMatch[1]).forEach((id) => this.fileWide.add(id));
      const ruffFile = RUFF_FILE_NOQA.exec(c.text);
      if (ruffFile) ruffTwins(ids(ruffFile[1])).forEach((id) => this.fileWide.add(id));
      const lineIds = [...ids(LINE_DIRECTIVE.exec(c.text)?.[1] ?? ''), ...(ruffFile ? [] : ruffTwins(ids(NOQA.exec(c.text)?.[1] ?? '')))];
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

  isSuppressed(finding: Pick<Finding, 'rule' | 'range'>): boolean {
    return this.fileWide.has(finding.rule) || !!this.byLine.get(finding.range.start.line)?.has(finding.rule);
  }
}
