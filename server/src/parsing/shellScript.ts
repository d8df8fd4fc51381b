// A shell script read line by line: which lines are blank, comments or code, and its comments for
// suppressions. No grammar: the rules of shell scripts read the script's header (the shebang, the
// comments and `set` lines before the first command), which a line reader sees exactly; a line
// inside a here-document or a multi-line string is taken for code, which only matters after the
// header.

export type ShellLineKind = 'blank' | 'comment' | 'code';

export interface ShellLine {
  /** 0-based line number. */
  line: number;
  /** The line without its line break. */
  text: string;
  kind: ShellLineKind;
  /** Where the line's comment starts (a `#` at the start of a word, outside quotes), if it has one. */
  commentAt?: number;
}

export interface ShellScript {
  lines: readonly ShellLine[];
  /** The line break the script uses (its first one; `\n` when it has none). */
  eol: string;
}

/** The offset of the comment on a line of code: a `#` starting a word outside quotes. */
function commentStart(text: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /[\s;&|()]/.test(text[i - 1]))) return i;
  }
  return undefined;
}

export function readShellScript(text: string): ShellScript {
  const raw = text.split(/\r\n|\r|\n/);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const lines = raw.map((t, line): ShellLine => {
    const trimmed = t.trimStart();
    if (trimmed === '') return { line, text: t, kind: 'blank' };
    if (trimmed.startsWith('#')) return { line, text: t, kind: 'comment', commentAt: t.length - trimmed.length };
    const at = commentStart(t);
    return at === undefined ? { line, text: t, kind: 'code' } : { line, text: t, kind: 'code', commentAt: at };
  });
  return { lines, eol };
}
