// The module graph: no import cycles under server/src (a dependency-free bottom layer, base/, holds
// positions, ranges, edits and severities), and the parser knows no rule.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const SRC = join(__dirname, '..', '..', '..', 'server', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports and re-exports of each module (type-only ones too: they are what a reader follows). */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const deps: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const base = normalize(join(dirname(file), m[1]));
      const target = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
      if (target) deps.push(target);
    }
    g.set(file, deps);
  }
  return g;
}

/** Strongly connected components with more than one module (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(relative(SRC, w));
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the module graph', () => {
  it('has no import cycles', () => {
    assert.deepEqual(cycles(graph()), []);
  });

  it('base/ imports nothing of the project', () => {
    const g = graph();
    // base/ itself, not every folder whose name starts with "base" (baseline/).
    const inBase = (path: string) => relative(SRC, path).split(sep)[0] === 'base';
    for (const [file, deps] of g) if (inBase(file)) assert.deepEqual(deps.filter((d) => !inBase(d)), [], file);
  });

  it('parsing/ names no rule and imports nothing from rules/', () => {
    for (const [file, deps] of graph()) {
      if (!relative(SRC, file).startsWith('parsing')) continue;
      assert.deepEqual(deps.filter((d) => relative(SRC, d).startsWith('rules')), [], file);
    }
  });
});
