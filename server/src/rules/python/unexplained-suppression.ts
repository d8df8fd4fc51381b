import type { ActionContext, ContextualAction, PythonRule, RuleFinding, SyntaxMatch } from '../../engine/types';
import { detached, readOncePerText } from '../../base/strings';
import { afterOpenQuote, rangeInComment } from '../_comments';

// A suppression that names what it silences: Ruff's `# noqa: CODES` (also file-level `# ruff: noqa:`
// and flake8's), a type checker's `# <tool>: ignore[codes]`, pyguide's `# pyguide: ignore[ids]`.
// Codes are Ruff's grammar (letters then digits); a bracket must hold a code (empty ones are
// bare-type-ignore's). Groups: 1 noqa codes, 2 type-checker tool, 3 its codes, 4 pyguide ids.
const DIRECTIVE = /#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)|#\s*(type|pyright|pyrefly|ty)\s*:\s*ignore\s*\[([^\]]*[^\s,\]][^\]]*)\]|#\s*pyguide\s*:\s*ignore(?:-file)?\s*\[([^\]]*)\]/gi;

// Other tools' directives, coded or not: text that is no reason. A bare `# noqa` or `# type: ignore`
// beside a coded one says nothing more.
const NOT_A_REASON = [
  /#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa\b(?:\s*:)?/gi,
  /#\s*(?:type|pyright|pyrefly|ty|mypy)\s*:\s*ignore(?:-errors)?\b(?:\s*\[\s*\])?/gi,
  /#\s*pragma\s*:\s*no\s+(?:branch|cover)\b/gi,
  /#\s*nosec\b(?:\s+[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)?/gi,
  /#\s*(?:fmt|isort|yapf)\s*:\s*[\w-]+/gi,
  /#\s*pylint\s*:\s*[\w-]+\s*=\s*[\w-]+(?:\s*,\s*[\w-]+)*/gi,
];

/** Whether what is left of a comment once every directive is taken out says something: a word. */
function hasWords(text: string): boolean {
  let rest = text.replace(DIRECTIVE, ' ');
  for (const re of NOT_A_REASON) rest = rest.replace(re, ' ');
  return /[\p{L}\p{N}]/u.test(rest);
}

/** Whether a comment holds any suppression directive, coded or bare. */
function hasDirective(text: string): boolean {
  return [DIRECTIVE, ...NOT_A_REASON.slice(0, 2)].some((re) => new RegExp(re.source, 'i').test(text));
}

/** The codes a directive names, for the message and the `codes` option. */
function codesOf(match: RegExpMatchArray): string[] {
  return (match[1] ?? match[3] ?? match[4] ?? '')
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** `codes` of the rule's options: the codes that need a reason (`S*` is a prefix), or every code. */
function needsReason(options: Record<string, unknown> | undefined): (code: string) => boolean {
  const list = options?.codes;
  if (!Array.isArray(list)) return () => true;
  const patterns = list.filter((p): p is string => typeof p === 'string').map((p) => p.toUpperCase());
  return (code) => patterns.some((p) => (p.endsWith('*') ? code.toUpperCase().startsWith(p.slice(0, -1)) : code.toUpperCase() === p));
}

/** A coded directive of a comment: where it stands in the text, its length, the codes it names, and its finding's message. */
interface Directive {
  index: number;
  length: number;
  codes: string[];
  message: string;
  /** It silences a security code: its finding weighs more. */
  security: boolean;
}

/** What a comment's text says as suppressions go, read once per distinct text (see `reading`). */
interface Reading {
  /** Its coded directives. */
  directives: Directive[];
  /** Any directive, coded or bare. */
  directs: boolean;
  /** What is left once directives are taken out says something. */
  words: boolean;
}

/**
 * The reading of a comment's text. A keystroke lints the file again, and its comments are the same
 * texts as before: their regexes run once, not on every keystroke.
 */
const reading = readOncePerText(
  (text): Reading => ({
    directives: [...text.matchAll(DIRECTIVE)].map((d) => directive(d)),
    directs: hasDirective(text),
    words: hasWords(text),
  }),
);
/** How many comment texts were read (not found among the readings kept): for tests. */
export const readingStats: { readonly reads: number } = reading;

/** A Ruff flake8-bandit code: a silenced security finding weighs more. */
const SECURITY_CODE = /^S[0-9]+$/i;

/** What goes between the directive and the reason: mypy rejects text after `[codes]` unless it is a comment. */
function separator(directive: string): string {
  return /^#\s*type\s*:/i.test(directive) ? '  # ' : ' - ';
}

/** A directive as read from a comment; its message is built once, as the comment's text is read once. */
function directive(d: RegExpExecArray): Directive {
  const codes = codesOf(d).map(detached);
  const shown = d[0].replace(/\s+/g, ' ');
  return {
    index: d.index,
    length: d[0].length,
    codes,
    message: detached(`\`${shown}\` without a reason: say why, e.g. \`${shown}${separator(d[0])}<why this is safe here>\`.`),
    security: codes.some((c) => SECURITY_CODE.test(c)),
  };
}

/** "Add reason": the separator, with the cursor after it. */
function addReasonAction({ finding, index }: ActionContext): ContextualAction[] {
  const directive = index.text.slice(index.offsetAt(finding.range.start), index.offsetAt(finding.range.end));
  const at = finding.range.end;
  return [{ title: 'Add reason', edits: [{ range: { start: at, end: at }, newText: `${separator(directive)}$0` }], snippet: true, preferred: true }];
}

export const unexplainedSuppression: PythonRule = {
  id: 'unexplained-suppression',
  kind: 'python',
  defaultSeverity: 'info',
  guideline: 'Code Quality & Linting › Error Suppression Policy',
  summary: 'a `# noqa: X`, `# type: ignore[x]` (or pyright, pyrefly, ty, pyguide) suppression that does not say why',
  options: { codes: { type: 'array', items: { type: 'string' } } },
  // A reason may stand on the comment line above, which can be another statement: the comment
  // before each one is read with it (`previous`), and a comment is checked again when it changes.
  reads: { kinds: ['comment'], scope: 'each', previous: true },
  actions: addReasonAction,
  check({ matches, index, syntax, config }) {
    const findings: RuleFinding[] = [];
    const wanted = needsReason(config.ruleOptions['unexplained-suppression']);
    const textOf = (m: SyntaxMatch) => index.text.slice(m.start, m.end);
    const ownLine = (m: SyntaxMatch) => index.lineText(m.startRow).slice(0, m.startCol).trim() === '';
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      const text = textOf(m);
      if (!/noqa|ignore/i.test(text)) continue;
      const read = reading(text);
      const directives = read.directives.filter((d) => d.codes.some(wanted));
      if (directives.length === 0 || read.words) continue;
      // A comment line right above that says something and is no directive itself is the reason.
      // A comment runs to its line's end, so a comment alone on the line above is the match before.
      const above = i > 0 && matches[i - 1].startRow === m.startRow - 1 && ownLine(matches[i - 1]) ? reading(textOf(matches[i - 1])) : undefined;
      if (above && !above.directs && above.words) continue;
      if (syntax.hasErrors && afterOpenQuote(m.node, index)) continue;
      for (const d of directives) {
        const range = rangeInComment(m, d.index, d.length);
        findings.push(d.security ? { range, message: d.message, severity: 'warning' } : { range, message: d.message });
      }
    }
    return findings;
  },
};
