// Structural matching of a pattern against a syntax node, after ast-grep's "smart" matcher
// (crates/core/src/match_tree): kinds must agree, leaves must have the same text, tokens the
// candidate has and the pattern leaves out (a trailing comma, `async`) are skipped, comments are
// ignored, and `$$$` takes siblings lazily, up to the first one where the rest of the pattern
// matches. There is no backtracking, so a match costs at most the pattern's size times the
// candidate's; a step budget bounds a rule's run on a file all the same.
import type { Node } from 'web-tree-sitter';
import type { PatternNode } from './pattern';

/** What each metavariable matched: one node, or the siblings `$$$NAME` took. */
export type Bindings = Map<string, readonly Node[]>;

/** Thrown when a rule has spent its steps on one file. */
export class BudgetExceeded extends Error {}

export class Budget {
  private steps = 0;

  constructor(readonly limit: number) {}

  tick(): void {
    if (++this.steps > this.limit) throw new BudgetExceeded(`stopped after ${this.limit} match steps`);
  }
}

/** String delimiters match whichever quote they use: `'x'` is `"x"`. */
function quoteless(type: string, text: string): string {
  return type === 'string_start' || type === 'string_end' ? text.replace(/'/g, '"').toLowerCase() : text;
}

function bind(name: string | undefined, nodes: readonly Node[], env: Bindings): boolean {
  if (name === undefined) return true;
  const bound = env.get(name);
  if (!bound) {
    env.set(name, nodes);
    return true;
  }
  // The same metavariable twice matches the same code twice.
  return bound.length === nodes.length && bound.every((n, i) => n.text === nodes[i].text);
}

/** Whether `candidate` matches `goal`, binding metavariables into `env`. */
export function matchNode(goal: PatternNode, candidate: Node, env: Bindings, budget: Budget): boolean {
  budget.tick();
  switch (goal.kind) {
    case 'meta':
      return candidate.isNamed && bind(goal.name, [candidate], env);
    case 'multi':
      return bind(goal.name, [candidate], env);
    case 'leaf':
      if (candidate.type !== goal.type) return false;
      return !goal.named || quoteless(goal.type, candidate.text) === quoteless(goal.type, goal.text);
    case 'node':
      return candidate.type === goal.type && matchChildren(goal.children, significant(candidate), env, budget);
  }
}

function significant(node: Node): Node[] {
  const out: Node[] = [];
  for (const child of node.children) if (child && child.type !== 'comment') out.push(child);
  return out;
}

/** A pattern node a candidate may lack: a token, or siblings that may be none. */
const skippable = (g: PatternNode) => g.kind === 'multi' || (g.kind === 'leaf' && !g.named);

function matchChildren(goals: readonly PatternNode[], cands: readonly Node[], env: Bindings, budget: Budget): boolean {
  let g = 0;
  let c = 0;
  while (g < goals.length) {
    const goal = goals[g];
    if (goal.kind === 'multi') {
      g++;
      // Tokens right after `$$$` (its separators) are found with what follows them.
      while (g < goals.length && goals[g].kind === 'leaf' && !(goals[g] as { named: boolean }).named) g++;
      const taken: Node[] = [];
      if (g === goals.length) {
        taken.push(...cands.slice(c));
        return bind(goal.name, named(taken), env);
      }
      for (;;) {
        if (c >= cands.length) return goals.slice(g).every(skippable) && bind(goal.name, named(taken), env);
        const probe = new Map(env);
        if (matchNode(goals[g], cands[c], probe, budget)) {
          for (const [k, v] of probe) env.set(k, v);
          g++;
          c++;
          break;
        }
        taken.push(cands[c++]);
      }
      if (!bind(goal.name, named(taken), env)) return false;
      continue;
    }
    if (c >= cands.length) return goals.slice(g).every(skippable);
    const cand = cands[c];
    if (matchNode(goal, cand, env, budget)) {
      g++;
      c++;
    } else if (!cand.isNamed) {
      c++;
    } else return false;
  }
  // Whatever the pattern does not cover may only be tokens (a trailing comma).
  for (; c < cands.length; c++) if (cands[c].isNamed) return false;
  return true;
}

/** The named nodes of what `$$$` took: its separators are not what it stands for. */
function named(nodes: Node[]): Node[] {
  return nodes.filter((n) => n.isNamed);
}
