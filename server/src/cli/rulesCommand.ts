// `pyguide rules`: every rule with its default severity and whether it has a fix, from the
// registry and the docs pages (whose "Fix" row is the one place a fix's safety is written down).
import { buildConfig, resolveConfig } from '../engine/config';
import { join, relative } from 'node:path';
import { PRESETS, presetById } from '../engine/presets';
import { loadPython } from '../parsing/python';
import { DiskFiles } from '../workspace/files';
import { Workspaces, type WorkspaceModel } from '../workspace/model';
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

/** The workspace holding `cwd`, its configuration read with the grammar loaded (team rules compile with it). */
export async function workspaceAt(cwd: string): Promise<WorkspaceModel> {
  await loadPython();
  return new Workspaces(new DiskFiles()).forFile(join(cwd, '__pyguide__.py'));
}

/** `pyguide explain` for a team rule of the workspace holding `cwd`: its table, in words; undefined when there is none. */
export async function explainTeamRule(cwd: string, id: string, style: Style): Promise<string | undefined> {
  const workspace = await workspaceAt(cwd);
  const rule = workspace.customRules.find((r) => r.id === id);
  if (!rule) return undefined;
  const spec = workspace.config.teamRules[id];
  const lines = [style.bold(`# ${id}`), '', `A team rule: [tool.pyguide.custom-rules.${id}] (configuration: ${relative(cwd, workspace.activation.configFile ?? 'pyproject.toml') || 'pyproject.toml'}${workspace.activation.preset ? `, preset ${workspace.activation.preset}` : ''}).`, '', `Message: ${rule.summary}`, `Severity: ${rule.defaultSeverity}`];
  for (const key of ['pattern', 'query', 'files', 'where', 'fix', 'fix-safe', 'docs']) if (spec[key] !== undefined) lines.push(`${key[0].toUpperCase()}${key.slice(1)}: ${typeof spec[key] === 'string' ? spec[key] : JSON.stringify(spec[key])}`);
  return lines.join('\n');
}

/** The team rules of the workspace holding `cwd` (`[tool.pyguide.custom-rules]`), as rows; their presets column says where they come from. */
export async function teamRuleRows(cwd: string): Promise<RuleRow[]> {
  const workspace = await workspaceAt(cwd);
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
