// Which syntax the enabled Python rules read, as one SyntaxPlan: each declaration is a channel,
// identical declarations share one, and the comments (read by suppressions) are always collected.
import type { Language } from 'web-tree-sitter';
import { FACT_CHANNELS, FACT_KINDS, FACT_TYPES, type FactKind } from '../parsing/pythonSyntax';
import { kindsQuery, checkQuery, SyntaxPlan, type ChannelSpec } from '../parsing/syntaxPlan';
import type { PythonRule } from './types';

export interface RulePlan {
  plan: SyntaxPlan;
  /** Channel of the comments. */
  comments: number;
  /** Channels of the built-in fact lists that some rule reads. */
  lists: Partial<Record<FactKind, number>>;
  /** Channel of each rule that declares syntax (or an `each` fact list). */
  channelOf: ReadonlyMap<PythonRule, number>;
  /** Rules whose declaration does not compile, with the reason; they do not run. */
  broken: ReadonlyMap<PythonRule, Error>;
}

/** The channel a rule's declaration asks for, or undefined when it reads no declared syntax. */
export function ruleChannel(rule: PythonRule): ChannelSpec | undefined {
  if (rule.reads?.query !== undefined) return { source: rule.reads.query };
  if (rule.reads?.kinds && rule.reads.kinds.length > 0) return { source: kindsQuery(rule.reads.kinds) };
  if (!rule.reads && rule.each) return FACT_CHANNELS[rule.each];
  return undefined;
}

/** Whether a rule checks its matches one at a time. */
export function checksEach(rule: PythonRule): boolean {
  return rule.reads ? rule.reads.scope === 'each' && ruleChannel(rule) !== undefined : !!rule.each;
}

/** Whether a rule that checks its matches one at a time also reads matches besides them (SyntaxNeed.context, SyntaxNeed.previous). */
export function readsContext(rule: PythonRule): boolean {
  return checksEach(rule) && ((rule.reads?.context?.length ?? 0) > 0 || rule.reads?.previous === true);
}

const cache = new WeakMap<Language, Map<string, RulePlan>>();

export function rulePlan(language: Language, rules: readonly PythonRule[]): RulePlan {
  let byKey = cache.get(language);
  if (!byKey) cache.set(language, (byKey = new Map()));
  const key = rules.map((r) => r.id).join('\0');
  let found = byKey.get(key);
  // Rules are values: the same ids with other declarations (tests register rules at run time) get their own plan.
  if (found && rules.every((r) => found!.channelOf.has(r) || found!.broken.has(r) || !ruleChannel(r))) return found;
  found = build(language, rules);
  byKey.set(key, found);
  return found;
}

function build(language: Language, rules: readonly PythonRule[]): RulePlan {
  // Every declaration compiled in one query first: when they all compile (the usual case) no
  // declaration is compiled on its own, which would cost a grammar analysis each.
  const all = assemble(language, rules, () => undefined);
  if (SyntaxPlan.compiles(language, all.channels)) return all.finish();
  return assemble(language, rules, (spec) => {
    try {
      checkQuery(language, spec.source);
      return undefined;
    } catch (e) {
      return e as Error;
    }
  }).finish();
}

/** The channels of `rules`, leaving out each declaration `fault` names an error for (that rule is broken). */
function assemble(language: Language, rules: readonly PythonRule[], fault: (spec: ChannelSpec) => Error | undefined): { channels: readonly ChannelSpec[]; finish: () => RulePlan } {
  const channels: ChannelSpec[] = [];
  const indexOf = (spec: ChannelSpec): number => {
    let i = channels.findIndex((c) => c.source === spec.source);
    if (i < 0) i = channels.push({ ...spec }) - 1;
    else if (spec.keepText) channels[i].keepText = true;
    return i;
  };
  const comments = indexOf(FACT_CHANNELS.comments);
  const lists: Partial<Record<FactKind, number>> = { comments };
  const channelOf = new Map<PythonRule, number>();
  const broken = new Map<PythonRule, Error>();
  // Rules that declare nothing may read any built-in list: collect them all, as before declarations.
  const wanted = new Set<FactKind>(rules.some((r) => !r.reads && !r.each) ? FACT_KINDS : []);
  for (const rule of rules) {
    const spec = ruleChannel(rule);
    if (!spec) continue;
    const error = fault(spec);
    if (error) {
      broken.set(rule, error);
      continue;
    }
    channelOf.set(rule, indexOf(spec));
    if (!rule.reads && rule.each) wanted.add(rule.each);
  }
  for (const kind of wanted) lists[kind] = indexOf(FACT_CHANNELS[kind]);
  // A declaration of exactly a built-in list's kinds fills that list too.
  for (const kind of FACT_KINDS) {
    const i = channels.findIndex((c) => c.source === kindsQuery(FACT_TYPES[kind]));
    if (i >= 0) lists[kind] = i;
  }
  return { channels, finish: () => ({ plan: SyntaxPlan.for(language, channels), comments, lists, channelOf, broken }) };
}
