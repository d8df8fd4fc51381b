// Whether pyguide checks a workspace, and with what configuration. A project opts in with
// `[tool.pyguide]`; without it, only a uv workspace whose core member is the `genkit` package is
// checked (with the Genkit preset its layout matches). Anywhere else pyguide reports nothing and
// edits nothing, and says so.
import { join } from 'node:path';
import { BASE_CONFIG, buildConfig, mergeTables, resolveConfig, validateConfig, type ConfigProblem, type PyguideConfig } from '../engine/config';
import { INVALID_CONFIG, type RuleCatalog } from '../engine/configSchema';
import { presetById, type PresetId } from '../engine/presets';
import type { PythonRule } from '../engine/types';
import { NO_TEAM_RULES, teamRules } from '../custom/teamRules';
import type { TomlDocument } from '../parsing/toml';
import { nodeAt, tomlTree } from '../parsing/tomlTree';
import { detectGenkitLayout, workspaceMembers, type GenkitLayout } from './detect';

export interface Activation {
  /** Whether any rule runs here. */
  active: boolean;
  /** The preset in force, when active. */
  preset?: PresetId;
  /**
   * `configured`: `[tool.pyguide]` names the preset; `table`: `[tool.pyguide]` without a preset;
   * `detected`: no table, a Genkit workspace; `fallback`: a folder that would be off, checked with
   * the preset the session chose for such folders (fixture tests); `none`: not active.
   */
  source: 'configured' | 'table' | 'detected' | 'fallback' | 'none';
  /** In words, for the CLI and the editor's status item. */
  reason: string;
  /** The pyproject.toml holding (or that would hold) the configuration. */
  configFile?: string;
}

export interface WorkspaceConfig {
  config: PyguideConfig;
  problems: ConfigProblem[];
  activation: Activation;
  /** The team rules of `config` (`[tool.pyguide.custom-rules]`), compiled; their problems are in `problems`. */
  customRules: readonly PythonRule[];
}

export interface ActivationInput {
  root: string | undefined;
  rootPyproject: string | undefined;
  doc: TomlDocument | undefined;
  /** The text of `doc` (team rules' problems point inside its strings). */
  text?: string;
  catalog: RuleCatalog;
  /** What a folder that is neither configured nor Genkit gets: nothing (`off`), or a preset (fixture tests). */
  unconfigured: PresetId | 'off';
  /** The normalized `[project].name` of a member directory (relative to the root). */
  memberName(memberDir: string): string | undefined;
  exists(path: string): boolean;
  /** The last configuration read, kept while the root pyproject.toml does not parse. */
  previous: WorkspaceConfig | undefined;
}

const OFF_REASON = 'no [tool.pyguide] table in pyproject.toml, and not a Genkit uv workspace';

/**
 * What a detected workspace changes of its preset: the core where it is, and, unless the project
 * named the preset itself (then its required files are the team's word), no `run.sh` asked of
 * samples when none of its samples has one (they are started another way, a justfile say): a
 * convention the tree follows nowhere is not its convention.
 */
function layoutAsFound(detected: GenkitLayout, members: readonly string[], exists: (rel: string) => boolean, presetNamed: boolean): Record<string, unknown> {
  const layout: Record<string, unknown> = {};
  if (detected.core !== 'packages/genkit') layout.core = detected.core;
  if (presetNamed) return Object.keys(layout).length > 0 ? { layout } : {};
  const kinds = ((presetById(detected.preset)?.table.layout as { members?: Record<string, unknown>[] } | undefined)?.members ?? []);
  const asksRunSh = (k: Record<string, unknown>) => Array.isArray(k['required-files']) && k['required-files'].includes('run.sh');
  const samples = members.filter((m) => kinds.some((k) => asksRunSh(k) && m.startsWith(`${String(k.path).slice(0, -1)}`)));
  if (samples.length > 0 && !samples.some((m) => exists(`${m}/run.sh`))) {
    layout.members = kinds.map((k) => (asksRunSh(k) ? { ...k, 'required-files': (k['required-files'] as string[]).filter((f) => f !== 'run.sh') } : k));
  }
  return Object.keys(layout).length > 0 ? { layout } : {};
}

/** Nothing runs here; or, where the session says so (fixture tests), a preset does. */
function unconfigured(input: ActivationInput, reason: string, configFile?: string): WorkspaceConfig {
  const preset = input.unconfigured;
  if (preset === 'off') return { config: BASE_CONFIG, problems: [], activation: { active: false, source: 'none', reason, configFile }, customRules: [] };
  const config = buildConfig({}, preset);
  return { config, problems: [], activation: { active: true, preset, source: 'fallback', reason: `preset "${preset}" (the session's choice for unconfigured folders)`, configFile }, customRules: teamRules(config, input.root, undefined).rules };
}

/** Reads the workspace's configuration and decides whether it is checked. */
export function workspaceConfig(input: ActivationInput): WorkspaceConfig {
  const { root, rootPyproject: file, doc, catalog } = input;
  if (!root || !file) return unconfigured(input, 'not inside a workspace: no pyproject.toml above with [tool.pyguide] or [tool.uv.workspace]');
  if (!doc?.ok) {
    // A root pyproject.toml mid-edit keeps the configuration it last had; invalid-pyproject says what is wrong.
    return input.previous ?? unconfigured(input, `${file} does not parse`, file);
  }
  const tree = tomlTree(doc.ast);
  const table = nodeAt(tree, 'tool', 'pyguide');
  const members = nodeAt(tree, 'tool', 'uv', 'workspace') ? workspaceMembers(root, tree) : [];
  const detected = members.length > 0 ? detectGenkitLayout(members, input.memberName) : undefined;
  const presetNamed = nodeAt(tree, 'tool', 'pyguide', 'preset') !== undefined;
  const detectedLayer = detected ? layoutAsFound(detected, members, (rel) => input.exists(join(root, rel)), presetNamed) : {};
  if (!table) {
    if (!detected) return unconfigured(input, OFF_REASON, file);
    const config = buildConfig(detectedLayer, detected.preset);
    return {
      config,
      problems: [],
      activation: { active: true, preset: detected.preset, source: 'detected', reason: `Genkit workspace detected: preset "${detected.preset}"`, configFile: file },
      customRules: teamRules(config, input.root, undefined).rules,
    };
  }
  const { table: project, problems } = validateConfig(table, catalog);
  const named = typeof project.preset === 'string' ? (project.preset as PresetId) : undefined;
  const preset = named ?? detected?.preset ?? 'generic';
  const config = buildConfig(mergeTables(detectedLayer, project), preset);
  const located = problems.map((p) => ({ ...p, file }));
  const team = table.kind === 'table' && input.text !== undefined ? teamRules(config, root, { file, text: input.text, table }, problems) : NO_TEAM_RULES;
  located.push(...team.problems);
  // Turning every rule off is never what a table means: say so rather than go quiet.
  const resolved = resolveConfig(config);
  const allOff = catalog.ids.every((id) => id === INVALID_CONFIG || resolved.severityOf(id, 'warning') === 'off') && team.rules.every((r) => resolved.severityOf(r.id, r.defaultSeverity) === 'off');
  if (catalog.ids.length > 0 && allOff) {
    located.push({ file, path: '', range: table.keyRange, message: "This [tool.pyguide] turns every rule off; pyguide would check nothing. Select at least one rule, or remove the table's select, ignore and severity." });
  }
  const source = named ? 'configured' : 'table';
  const how = named ? `preset "${preset}"` : detected ? `preset "${preset}" (detected; [tool.pyguide] names none)` : `preset "${preset}" ([tool.pyguide] names none)`;
  return { config, problems: located, activation: { active: true, preset, source, reason: how, configFile: file }, customRules: team.rules };
}
