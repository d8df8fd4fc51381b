// The team rules of a workspace's configuration, compiled once per reading of it, with their
// problems as `invalid-config` findings: at the key they are about, and for a pattern or query that
// does not parse, at the character inside the TOML string where it stops making sense.
import type { ConfigProblem, PyguideConfig } from '../engine/config';
import type { PythonRule } from '../engine/types';
import { loadedPython } from '../parsing/python';
import { nodeAt, type TomlTableNode } from '../parsing/tomlTree';
import { compileTeamRule, type TeamRuleSpec } from './compile';
import { rangeInString } from './tomlString';

/** Where the project wrote its `[tool.pyguide]`: problems point into it. */
export interface WrittenConfig {
  file: string;
  text: string;
  /** The `[tool.pyguide]` table. */
  table: TomlTableNode;
}

export interface TeamRules {
  rules: readonly PythonRule[];
  problems: ConfigProblem[];
}

export const NO_TEAM_RULES: TeamRules = { rules: [], problems: [] };

/** Each rule costs every lint a little: a project holds at most this many. */
export const MAX_TEAM_RULES = 200;

/**
 * The team rules of a configuration. `invalid` are the problems validation found in the project's
 * table: a rule with any of them does not run, since a dropped constraint or glob would widen it.
 */
export function teamRules(config: PyguideConfig, root: string | undefined, written: WrittenConfig | undefined, invalid: readonly { path: string }[] = []): TeamRules {
  const broken = new Set(invalid.map((p) => /^custom-rules\.([^.[]+)/.exec(p.path)?.[1]).filter((id) => id !== undefined));
  const ids = Object.keys(config.teamRules).filter((id) => !broken.has(id));
  if (ids.length === 0) return NO_TEAM_RULES;
  const language = loadedPython();
  const rules: PythonRule[] = [];
  const problems: ConfigProblem[] = [];
  for (const [n, id] of ids.entries()) {
    if (!language) break;
    if (n >= MAX_TEAM_RULES) {
      const table = written && nodeAt(written.table, 'custom-rules', id);
      if (written && table) problems.push({ file: written.file, path: `custom-rules.${id}`, range: table.keyRange, message: `custom rule "${id}" is one more than the ${MAX_TEAM_RULES} team rules a project may have; it and the ones after it do not run.` });
      break;
    }
    const compiled = compileTeamRule(language, id, config.teamRules[id] as unknown as TeamRuleSpec, root);
    if (compiled.rule) rules.push(compiled.rule);
    // A preset's rules are known good; what a project wrote is reported where it wrote it.
    if (!written) continue;
    const table = nodeAt(written.table, 'custom-rules', id);
    if (table?.kind !== 'table') continue;
    for (const p of compiled.problems) {
      const node = p.key === '' ? undefined : nodeAt(table, ...p.key.split('.'));
      let range = node ? node.keyRange : table.keyRange;
      if (node?.kind === 'string') range = p.span ? rangeInString(written.text, node.range, p.span[0], p.span[1]) : node.range;
      problems.push({ file: written.file, path: `custom-rules.${id}${p.key ? `.${p.key}` : ''}`, range, message: `${p.message}.` });
    }
  }
  return { rules, problems };
}
