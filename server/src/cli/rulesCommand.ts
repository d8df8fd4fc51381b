// `pyguide rules`: every rule with its default severity and whether it has a fix, from the
// registry and the docs pages (whose "Fix" row is the one place a fix's safety is written down).
import { buildConfig, resolveConfig } from '../engine/config';
import { join } from 'node:path';
import { PRESETS, presetById } from '../engine/presets';
import { loadPython } from '../parsing/python';
import { DiskFiles } from '../workspace/files';
import { Workspaces } from '../workspace/model';
import type { Severity } from '../engine/types';
import { ruleCatalogue } from './catalogue';
import { readRuleDoc } from '../engine/ruleDocs';
import type { Style } from './style';

export type FixKind = 'safe' | 'sometimes' | 'unsafe' | 'none';

export interface RuleRow {
  id: string;
  /** The presets that turn the rule on (`[tool.pyguide] preset = "..."`). */
  presets: string[];
  severity: Severity;
  fix: FixKind | undefined;
  summary: string;
  guideline: string;
}

/** The docs table's `| Fix | ... |` cell, reduced to one word. */
export function fixKind(page: string | undefined): FixKind | undefined {
  const cell = page && /^\| Fix \| (.*) \|$/m.exec(page)?.[1];
  if (!cell) return undefined;
  if (/^none\b/i.test(cell)) return 'none';
  if (/\bsafe (only|unless|when)\b|\bsafe, except\b/.test(cell)) return 'sometimes';
  if (/\(safe\)/.test(cell)) return 'safe';
  if (/\bunsafe\b|not applied by fix-all/.test(cell)) return 'unsafe';
  return undefined;
}

export function ruleRows(docsDir?: string): RuleRow[] {
  const presets = PRESETS.map((p) => ({ id: p.id, config: resolveConfig(buildConfig({}, p.id)) }));
  return ruleCatalogue().map((r) => ({
    id: r.id,
    presets: presets.filter((p) => p.config.severityOf(r.id, r.defaultSeverity) !== 'off').map((p) => p.id),
    severity: r.defaultSeverity,
    fix: fixKind(readRuleDoc(r.id, docsDir)),
    summary: r.summary,
    guideline: r.guideline,
  }));
}

/** The team rules of the workspace holding `cwd` (`[tool.pyguide.custom-rules]`), as rows; their presets column says where they come from. */
export async function teamRuleRows(cwd: string): Promise<RuleRow[]> {
  await loadPython();
  const workspace = new Workspaces(new DiskFiles()).forFile(join(cwd, '__pyguide__.py'));
  if (!workspace.activation.active) return [];
  const config = workspace.config;
  return workspace.customRules.map((r) => {
    const spec = config.teamRules[r.id] ?? {};
    const fix: FixKind = typeof spec.fix !== 'string' ? 'none' : spec['fix-safe'] === true ? 'safe' : 'unsafe';
    const fromPreset = config.preset && (presetById(config.preset)?.table['custom-rules'] as Record<string, unknown> | undefined)?.[r.id];
    const on = config.severityOf(r.id, r.defaultSeverity) !== 'off';
    return { id: r.id, presets: on ? [fromPreset ? `team rule of preset ${config.preset}` : 'team rule of this project'] : [], severity: r.defaultSeverity, fix, summary: r.summary, guideline: r.guideline };
  });
}

export function formatRules(rows: RuleRow[], style: Style): string {
  const header = ['rule', 'severity', 'fix', 'presets'];
  const cells = rows.map((r) => [r.id, r.severity, r.fix ?? '?', r.presets.join(', ') || '-']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [style.bold(line(header)), ...cells.map(line)].join('\n');
}
