// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
import type { Finding } from '../../engine/types';
import { displayPath } from './paths';
import { joined } from './pieces';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escaping as @actions/core does it: data keeps `:` and `,`, property values may not. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::warning file=...,line=...,col=...,endLine=...,endColumn=...,title=rule-id::message`, one per finding. */
export function formatGithub(findings: Finding[], cwd: string): Iterable<string> {
  return joined(findings, '\n', (f) => {
    const props = [
      `file=${escapeProperty(displayPath(f.file, cwd))}`,
      `line=${f.range.start.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(f.rule)}`,
    ];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
}
