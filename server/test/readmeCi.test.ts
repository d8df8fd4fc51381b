// The README's CI set-ups are copied as they are: each YAML block must parse, and name only hooks,
// action inputs and CLI options that exist.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');

function ciSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## In CI\n');
  assert.ok(start >= 0, 'README has an "In CI" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function yamlBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]));
}

type Step = { uses?: string; with?: Record<string, unknown> };

describe("the README's CI set-ups", () => {
  const blocks = yamlBlocks(ciSection());

  it('use only the pre-commit hooks this repository declares', () => {
    const hooks = new Set((parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((h) => h.id));
    const configs = blocks.filter((b): b is { repos: { hooks: { id: string }[] }[] } => typeof b === 'object' && b !== null && 'repos' in b);
    assert.ok(configs.length > 0);
    for (const c of configs) for (const r of c.repos) for (const h of r.hooks) assert.ok(hooks.has(h.id), `hook ${h.id}`);
  });

  it('give the action only the inputs action.yml declares', () => {
    const inputs = new Set(Object.keys((parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs));
    const steps = blocks.flatMap((b) => Object.values((b as { jobs?: Record<string, { steps: Step[] }> }).jobs ?? {}).flatMap((j) => j.steps));
    const ours = steps.filter((s) => s.uses?.startsWith('pyguide/pyguide@'));
    assert.ok(ours.length >= 2);
    for (const s of ours) for (const key of Object.keys(s.with ?? {})) assert.ok(inputs.has(key), `input ${key}`);
  });
});
