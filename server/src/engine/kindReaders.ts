// How the text of each file kind without a syntax tree kept across edits is read, and what its
// rules receive. Python is the engine's own path (tree-sitter, incremental; see linter.ts); every
// other kind is one entry here: read the text into the kind's context, give the suppression
// comments, say which rules can run on it.
import type { TomlDocument } from '../parsing/toml';
import { readShellScript } from '../parsing/shellScript';
import type { CommentInfo } from './suppression';
import type { TextIndex } from './textIndex';
import { parsePyproject } from '../workspace/pyprojectParse';
import type { FileKind, PyprojectContext, PyprojectRule, Rule, ShellContext } from './types';

/** What every rule's context holds, whatever the kind. */
export type BaseContext = Omit<PyprojectContext, 'toml'>;

export interface KindReading {
  ctx: BaseContext;
  /** The comments `# pyguide: ignore[...]` and `# noqa` are read from. */
  comments: CommentInfo[];
  /** Whether a rule of the kind can run on this text (most pyproject rules need it to parse). */
  runs(rule: Rule): boolean;
}

export type KindReader = (base: BaseContext) => KindReading;

function tomlComments(doc: TomlDocument, index: TextIndex): CommentInfo[] {
  if (!doc.ok) return [];
  return doc.ast.comments.map((c) => {
    const line = c.loc.start.line - 1;
    return { line, text: `#${c.value}`, ownLine: index.lineText(line).slice(0, c.loc.start.column).trim() === '' };
  });
}

export const KIND_READERS: Readonly<Record<Exclude<FileKind, 'python'>, KindReader>> = {
  pyproject: (base) => {
    // The workspace model reads the same text (an open pyproject.toml's is the editor's): one parse for both.
    const toml = parsePyproject(base.file, base.text);
    const ctx: PyprojectContext = { ...base, toml };
    return { ctx, comments: tomlComments(toml, base.index), runs: (rule) => toml.ok || !!(rule as PyprojectRule).checksInvalidToml };
  },
  shell: (base) => {
    const script = readShellScript(base.text);
    const ctx: ShellContext = { ...base, script };
    const comments = script.lines.flatMap((l) => (l.commentAt === undefined ? [] : [{ line: l.line, text: l.text.slice(l.commentAt), ownLine: l.kind === 'comment' }]));
    return { ctx, comments, runs: () => true };
  },
};
