import type { ActionContext, ContextualAction, PythonRule, RuleFinding } from '../../engine/types';
import { afterOpenQuote, commentMatches } from '../_comments';

// A type checker's ignore directive right after a `#` (several may share one comment), with the
// bracket that would name the codes. `ignore-errors` and the like are other directives.
const IGNORE_DIRECTIVE = /#\s*(type|pyright|pyrefly|ty)\s*:\s*ignore(?![\w-])(\s*\[[^\]]*\])?/gi;

/** A code each checker really reports, for the message's example. */
const EXAMPLE_CODE: Record<string, string> = {
  type: 'attr-defined',
  pyright: 'reportAttributeAccessIssue',
  pyrefly: 'missing-attribute',
  ty: 'unresolved-attribute',
};

/** Which checkers' codes a directive understands; `type: ignore` is read by all of them. */
const DIRECTIVE_SOURCES: Record<string, RegExp> = {
  pyright: /pyright|pylance/i,
  pyrefly: /pyrefly/i,
  ty: /\bty\b/i,
};

/**
 * "Use specific code [<code>]" when another checker reports a coded diagnostic on the line: the
 * finding's range is the directive, so the code goes right after it.
 */
function specificCodeActions({ finding, index, peers }: ActionContext): ContextualAction[] {
  const start = index.offsetAt(finding.range.start);
  const directive = index.text.slice(start, index.offsetAt(finding.range.end));
  const tool = /^#\s*(\w+)\s*:\s*ignore$/i.exec(directive)?.[1].toLowerCase();
  if (!tool) return [];
  const accepts = DIRECTIVE_SOURCES[tool];
  const codes: string[] = [];
  for (const d of peers) {
    if (d.range.start.line !== finding.range.start.line || (accepts && !accepts.test(d.source ?? ''))) continue;
    if (!codes.includes(d.code)) codes.push(d.code);
  }
  const choices = codes.map((c) => [c]);
  if (codes.length > 1) choices.push(codes);
  return choices.map((chosen) => ({
    title: `Use specific code${chosen.length > 1 ? 's' : ''} [${chosen.join(', ')}]`,
    edits: [{ range: { start: finding.range.end, end: finding.range.end }, newText: `[${chosen.join(', ')}]` }],
    preferred: chosen.length === 1 && codes.length === 1,
  }));
}

export const bareTypeIgnore: PythonRule = {
  id: 'bare-type-ignore',
  kind: 'python',
  reads: { kinds: ['comment'], scope: 'each' },
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Error Suppression Policy',
  summary: '`# type: ignore`, `# pyright: ignore`, `# pyrefly: ignore` or `# ty: ignore` without an error code',
  ruffTwin: 'PGH003',
  readsPeerDiagnostics: true,
  actions: specificCodeActions,
  check({ matches, syntax, index, text }) {
    const findings: RuleFinding[] = [];
    for (const comment of matches) {
      let doubtful: boolean | undefined;
      for (const { match, range } of commentMatches(comment, text, IGNORE_DIRECTIVE)) {
        const brackets = match[2];
        if (brackets && /[^\s,[\]]/.test(brackets)) continue;
        doubtful ??= syntax.hasErrors && afterOpenQuote(comment.node, index);
        if (doubtful) break;
        const tool = match[1].toLowerCase();
        const directive = `# ${tool}: ignore`;
        findings.push({
          range,
          message: `\`${directive}\` without an error code silences every ${tool === 'type' ? 'type-checker' : tool} error on this line, including ones nobody has seen yet; name the code and say why, e.g. \`${directive}[${EXAMPLE_CODE[tool]}]\`.`,
        });
      }
    }
    return findings;
  },
};
