// A team rule from `[tool.pyguide.custom-rules.<id>]` (validated data) as an engine rule: a pattern
// becomes a declaration of its root's node type plus a structural match of each such node; a query
// becomes the query itself plus its regex predicates, run by RE2. Either way the rule joins the
// engine's combined pass and checks its matches one at a time. Nothing of the table is code.
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ignore, { type Ignore } from 'ignore';
import type { Language, Node } from 'web-tree-sitter';
import type { Severity } from '../base/severity';
import { nodeRange } from '../parsing/pythonSyntax';
import type { PythonContext, PythonRule, RuleFinding } from '../engine/types';
import { Budget, BudgetExceeded, matchNode, type Bindings } from './match';
import { parsePattern, PatternError } from './pattern';
import { compileQuery, holds, type TeamQuery } from './query';
import { found } from './regex';

/** `[tool.pyguide.custom-rules.<id>]` after validation (engine/configSchema.ts). */
export interface TeamRuleSpec {
  message: string;
  severity?: Severity;
  files?: string[];
  docs?: string;
  pattern?: string;
  query?: string;
  where?: Record<string, { regex?: string; 'not-regex'?: string }>;
  fix?: string;
  'fix-safe'?: boolean;
}

/** A problem of one team rule, at a key of its table (and, for a string, at characters of its value). */
export interface TeamRuleProblem {
  /** `pattern`, `where.NAME`, ... under the rule's table; '' for the table itself. */
  key: string;
  message: string;
  /** Offsets in the key's string value the problem is about. */
  span?: [number, number];
}

/** A pattern or query is a line or a few, never a program: longer ones are refused. */
export const MAX_SOURCE_LENGTH = 10_000;

/** Match steps one rule may spend on one check of a file: far more than any real file needs. */
export const STEP_BUDGET = 2_000_000;

/** A rule's metavariables in a message or fix: `$$$ARGS`, `$NAME` (for queries, `$capture`). */
const REFERENCE = /\$\$\$([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** One line, shortened: what a message quotes of the code. */
function quoted(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}...` : line;
}

/** The text a capture stands for: its node, or what its siblings span (empty when it took none). */
function captureText(text: string, nodes: readonly Node[] | undefined): string {
  if (!nodes || nodes.length === 0) return '';
  return text.slice(nodes[0].startIndex, nodes[nodes.length - 1].endIndex);
}

/** A message with what its metavariables matched, each quoted on one line. */
function fillMessage(template: string, text: string, env: ReadonlyMap<string, readonly Node[]>): string {
  return template.replace(REFERENCE, (whole, multi: string | undefined, single: string | undefined) => {
    const name = multi ?? single!;
    return env.has(name) ? quoted(captureText(text, env.get(name))) : whole;
  });
}

/**
 * A fix's text with what its metavariables matched, in full. A `$$$` capture that took nothing
 * takes one comma beside it along (the one after it, else the one before), so that
 * `f($$$BEFORE, location=$LOC)` with nothing before `location` becomes `f(location=...)`, not
 * `f(, location=...)`, which would not parse.
 */
function fillFix(template: string, text: string, env: ReadonlyMap<string, readonly Node[]>): string {
  let out = '';
  let rest = 0;
  for (const m of template.matchAll(REFERENCE)) {
    const name = m[1] ?? m[2];
    let literal = template.slice(rest, m.index);
    rest = m.index + m[0].length;
    // Compiling checked that the matcher captures every name the fix uses: an unbound one took nothing.
    const value = captureText(text, env.get(name));
    if (m[1] !== undefined && value === '') {
      const after = /^\s*,[ \t]*/.exec(template.slice(rest));
      if (after) rest += after[0].length;
      else literal = literal.replace(/,\s*$/, '');
    }
    out += literal + value;
  }
  return out + template.slice(rest);
}

function referencedNames(template: string): string[] {
  return [...template.matchAll(REFERENCE)].map((m) => m[1] ?? m[2]);
}

/** Whether the file is one the rule's `files` globs (.gitignore syntax, relative to the root) take in. */
function filesFilter(globs: readonly string[] | undefined): ((ctx: PythonContext) => boolean) | undefined {
  if (!globs || globs.length === 0) return undefined;
  const matcher: Ignore = ignore().add(globs);
  return (ctx) => {
    const root = ctx.workspace.root;
    if (!root) return false;
    const rel = relative(root, ctx.file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return matcher.ignores(rel.split(sep).join('/'));
  };
}

export interface Matcher {
  /** What the rule reads: only candidates, nodes whose text may match (a pattern's literals are in it). */
  reads: NonNullable<PythonRule['reads']>;
  /** Names a message, fix or `where` may use. */
  names: ReadonlySet<string>;
  /** The node to report and what each name matched, or undefined when the match does not count. */
  match(node: Node, captures: Readonly<Record<string, readonly Node[]>>, budget: Budget): { at: Node; env: Bindings } | undefined;
}

/**
 * The nodes of the pattern's root type whose text holds every literal the pattern names: only
 * candidates become facts (a pattern rooted at `call` does not keep every call of an open module up
 * to date on each keystroke), and no node of another text is looked at. The literals are escaped
 * into plain-text regexes (linear, whatever the repository writes) inside the query's string syntax.
 */
function candidatesQuery(type: string, fragments: readonly string[]): string {
  const literal = (f: string) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const quoted = (re: string) => `"${re.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
  return `((${type}) @node ${fragments.map((f) => `(#match? @node ${quoted(literal(f))})`).join(' ')})`;
}

function patternMatcher(language: Language, source: string): Matcher {
  const pattern = parsePattern(language, source);
  return {
    reads: pattern.fragments.length === 0 ? { kinds: [pattern.type], scope: 'each' } : { query: candidatesQuery(pattern.type, pattern.fragments), scope: 'each' },
    names: pattern.names,
    match(node, _captures, budget) {
      const env: Bindings = new Map();
      return matchNode(pattern.root, node, env, budget) ? { at: node, env } : undefined;
    },
  };
}

function queryMatcher(query: TeamQuery): Matcher {
  return {
    reads: { query: query.source, scope: 'each' },
    names: new Set(query.captures),
    match(_node, captures) {
      const at = captures.finding?.[0];
      if (!at || !holds(query.predicates, captures)) return undefined;
      return { at, env: new Map(Object.entries(captures)) };
    },
  };
}

/** The matcher of a pattern or a query; throws a PatternError or QuerySourceError (with `offset`) when it is none. */
export function compileMatcher(language: Language, spec: Pick<TeamRuleSpec, 'pattern' | 'query'>): Matcher {
  const source = spec.pattern ?? spec.query ?? '';
  if (source.length > MAX_SOURCE_LENGTH) throw new PatternError(`the ${spec.pattern !== undefined ? 'pattern' : 'query'} is ${source.length} characters long; a rule's is at most ${MAX_SOURCE_LENGTH}`, MAX_SOURCE_LENGTH);
  return spec.pattern !== undefined ? patternMatcher(language, spec.pattern) : queryMatcher(compileQuery(language, spec.query ?? ''));
}

/** The text a capture stands for, as a message quotes it. */
export function quotedCapture(text: string, nodes: readonly Node[] | undefined): string {
  return quoted(captureText(text, nodes));
}

/** The rule a valid table describes, or the problems that keep it from running. */
export function compileTeamRule(language: Language, id: string, spec: TeamRuleSpec, root?: string): { rule?: PythonRule; problems: TeamRuleProblem[] } {
  const problems: TeamRuleProblem[] = [];
  if ((spec.pattern === undefined) === (spec.query === undefined)) {
    problems.push({ key: '', message: `custom rule "${id}" needs exactly one of "pattern" and "query"; it does not run` });
    return { problems };
  }
  let matcher: Matcher;
  try {
    matcher = compileMatcher(language, spec);
  } catch (e) {
    const key = spec.pattern !== undefined ? 'pattern' : 'query';
    const offset = (e as { offset?: number }).offset;
    const span: [number, number] | undefined = offset === undefined ? undefined : [offset, offset + 1];
    problems.push({ key, message: `custom rule "${id}": ${(e as Error).message}; it does not run`, span });
    return { problems };
  }
  for (const name of Object.keys(spec.where ?? {})) {
    if (!matcher.names.has(name)) problems.push({ key: `where.${name}`, message: `custom rule "${id}": the ${spec.pattern !== undefined ? 'pattern has no metavariable' : 'query has no capture'} "${name}"; this constraint would never apply, so the rule does not run` });
  }
  for (const name of referencedNames(spec.fix ?? '')) {
    if (!matcher.names.has(name)) problems.push({ key: 'fix', message: `custom rule "${id}": the fix uses "$${name}", which the ${spec.pattern !== undefined ? 'pattern' : 'query'} does not capture; the rule does not run` });
  }
  if (problems.length > 0) return { problems };
  return { rule: teamRule(id, spec, matcher, docsUrl(spec.docs, root)), problems };
}

/** `docs` as a link: a URL as written, a path in the repository as a file: URL. */
function docsUrl(docs: string | undefined, root: string | undefined): string | undefined {
  if (docs === undefined || /^https?:\/\//.test(docs)) return docs;
  return root === undefined ? undefined : pathToFileURL(join(root, docs)).toString();
}

function teamRule(id: string, spec: TeamRuleSpec, matcher: Matcher, docs: string | undefined): PythonRule {
  const inFiles = filesFilter(spec.files);
  const where = Object.entries(spec.where ?? {});
  const satisfies = (text: string, env: Bindings) =>
    where.every(([name, c]) => {
      const value = captureText(text, env.get(name));
      return (c.regex === undefined || found(c.regex, value)) && (c['not-regex'] === undefined || !found(c['not-regex'], value));
    });
  return {
    id,
    kind: 'python',
    defaultSeverity: spec.severity ?? 'warning',
    guideline: 'team rule ([tool.pyguide.custom-rules])',
    summary: spec.message,
    docs,
    team: spec.pattern !== undefined ? 'pattern' : 'query',
    reads: matcher.reads,
    check(ctx) {
      if (inFiles && !inFiles(ctx)) return [];
      const budget = new Budget(STEP_BUDGET);
      const out: RuleFinding[] = [];
      try {
        for (const m of ctx.matches) {
          const hit = matcher.match(m.node, m.captures, budget);
          if (!hit || !satisfies(ctx.text, hit.env)) continue;
          const range = nodeRange(hit.at);
          const finding: RuleFinding = { range, message: fillMessage(spec.message, ctx.text, hit.env) };
          if (spec.fix !== undefined) {
            const newText = fillFix(spec.fix, ctx.text, hit.env);
            finding.fix = { title: `Replace with \`${quoted(newText)}\``, safe: spec['fix-safe'] === true, changes: [{ type: 'edit', file: ctx.file, edits: [{ range, newText }] }] };
          }
          out.push(finding);
        }
      } catch (e) {
        if (e instanceof BudgetExceeded) throw new Error(`custom rule "${id}" ${e.message} on this file; its findings here are left out`);
        throw e;
      }
      return out;
    },
  };
}

export { PatternError };
