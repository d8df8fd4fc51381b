// Configuration: `[tool.pyguide]` in the workspace root pyproject.toml is the project's truth,
// laid over the preset it names (engine/presets.ts); editor settings may add severity overrides
// and excludes on top. What the table may hold is engine/configSchema.ts; values that break it are
// reported as `invalid-config` problems at their key and left out, and the rest still applies.
import type { TomlNode } from '../parsing/tomlTree';
import { ENGINE_REPORTS, INVALID_CONFIG, pyguideSchema, TEAM_RULE_ID, type RuleCatalog } from './configSchema';
import { PRESET_IDS, PRESETS, presetById, type PresetId } from './presets';
import { validateTable } from './schema';
import type { Severity } from '../base/severity';
import type { Range } from '../base/text';
export type SeveritySetting = Severity | 'off';

export interface LicenseConfig {
  /** Copyright holder written in inserted headers; empty when neither preset nor project names one. */
  holder: string;
  /** `full`: the Apache-2.0 notice plus SPDX line; `spdx`: copyright and SPDX line only. */
  style: 'full' | 'spdx';
  spdx: string;
}

/** One kind of workspace member: where it lives and what is expected of it. */
export interface MemberKind {
  /** Kind name, e.g. `plugin`. */
  kind: string;
  /** Directory glob relative to the workspace root, one `*` segment (e.g. `plugins/*`). */
  path: string;
  /** Package name template; `{name}` is the directory name. */
  name: string;
  /** Published to PyPI, so full metadata, LICENSE and py.typed are expected. */
  publishable: boolean;
  /** A PEP 420 namespace plugin living in `src/<namespace>/`. */
  namespace: boolean;
  /** Files the member directory must hold (`py.typed` is looked for in the import packages under `sourceDir`). */
  requiredFiles: string[];
  /** Where the import packages live, relative to the member directory (`src`, or `.` for a flat layout). */
  sourceDir: string;
  /** The member's version must equal the core package's. */
  versionSync: boolean;
  /**
   * How test modules in the member's `tests/` are prefixed: templates matched against the directory
   * name, whose `{name}` part becomes the prefix (`genkit-{name}`: `genkit-anthropic` -> `anthropic_`).
   * Any of them is accepted; the first that matches is the one suggested.
   */
  testPrefix: string[];
}

export interface LayoutConfig {
  members: MemberKind[];
  /** Directory of the core package, relative to the root; plugins follow its version. */
  core: string;
  /** Namespace directories under a plugin's `src/` that must not hold `__init__.py`. */
  namespaceDirs: string[];
}

export interface PyguideConfig {
  /** The preset the configuration is laid over. */
  preset: PresetId | undefined;
  select: string[] | undefined;
  ignore: string[];
  severity: Record<string, SeveritySetting>;
  /** The preset's own severities (rules it leaves off); the project's select, ignore and severity win. */
  presetSeverity: Record<string, SeveritySetting>;
  exclude: string[];
  license: LicenseConfig;
  requiresPython: string;
  classifiers: string[];
  layout: LayoutConfig;
  maxFileSize: number;
  /** Rule-specific tables from `[tool.pyguide.rules.<id>]`, read by the rules themselves. */
  ruleOptions: Record<string, Record<string, unknown>>;
  /** The team rules' tables (`[tool.pyguide.custom-rules.<id>]`, the preset's and the project's), as validated data. */
  teamRules: Record<string, Record<string, unknown>>;
}

/**
 * What holds when neither the preset nor the project says otherwise: nothing Genkit-specific. A
 * rule whose convention is unset here (no license holder, no Python version, no layout) is silent.
 */
export const BASE_CONFIG: PyguideConfig = {
  preset: undefined,
  select: undefined,
  ignore: [],
  severity: {},
  presetSeverity: {},
  exclude: [],
  license: { holder: '', style: 'full', spdx: '' },
  requiresPython: '',
  classifiers: [],
  layout: { core: '', namespaceDirs: [], members: [] },
  maxFileSize: 10_000_000,
  ruleOptions: {},
  teamRules: {},
};

/** A problem of the configuration, at the key or value it is about. */
export interface ConfigProblem {
  /** The pyproject.toml holding it. */
  file: string;
  /** The key as people write it, under `[tool.pyguide]`: `layout.members[1].path`. */
  path: string;
  message: string;
  range: Range;
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `over` laid on `under`: tables merge key by key, anything else replaces. No prototypes, own keys only. */
export function mergeTables(under: Readonly<Table>, over: Readonly<Table>): Table {
  const out: Table = Object.create(null);
  for (const [k, v] of Object.entries(under)) out[k] = v;
  for (const [k, v] of Object.entries(over)) out[k] = isTable(v) && isTable(out[k]) ? mergeTables(out[k] as Table, v) : v;
  return out;
}

/** The project's `[tool.pyguide]` (located), validated: the valid rest and the problems. */
export function validateConfig(node: TomlNode, catalog: RuleCatalog): { table: Table; problems: Omit<ConfigProblem, 'file'>[] } {
  if (node.kind !== 'table') {
    return { table: Object.create(null), problems: [{ path: '', range: node.range, message: `[tool.pyguide] must be a table, not a ${node.kind}.` }] };
  }
  const { value, problems } = validateTable(node, pyguideSchema(withTeamRules(catalog, node), PRESET_IDS), 'tool.pyguide');
  return { table: value, problems };
}

/** The catalog plus the team rules the project and the presets define: `select`, `ignore` and `severity` may name them. */
function withTeamRules(catalog: RuleCatalog, node: TomlNode & { kind: 'table' }): RuleCatalog {
  const own = node.entries.get('custom-rules');
  const written = own?.kind === 'table' ? [...own.entries.keys()] : [];
  const fromPresets = PRESETS.flatMap((p) => Object.keys((p.table['custom-rules'] as Table | undefined) ?? {}));
  const custom = new Set([...written, ...fromPresets].filter((id) => TEAM_RULE_ID.test(id) && id !== INVALID_CONFIG && !catalog.ids.includes(id)));
  if (custom.size === 0) return catalog;
  return { ids: [...catalog.ids, ...custom], options: (id) => (custom.has(id) ? { type: 'table', keys: {} } : catalog.options(id)), custom };
}

/** A copy without a prototype: a lookup by rule id never finds `constructor` or `toString`. */
const own = <T>(v: unknown): Record<string, T> => Object.assign(Object.create(null), isTable(v) ? v : {});
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const strs = (v: unknown, fallback: readonly string[]) => (Array.isArray(v) ? (v as string[]) : [...fallback]);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);

function memberKind(t: Table): MemberKind {
  const publishable = bool(t.publishable, true);
  return {
    kind: t.kind as string,
    path: t.path as string,
    name: str(t.name, '{name}'),
    publishable,
    namespace: bool(t.namespace, false),
    requiredFiles: strs(t['required-files'], []),
    sourceDir: str(t['source-dir'], 'src'),
    versionSync: bool(t['version-sync'], publishable),
    testPrefix: typeof t['test-prefix'] === 'string' ? [t['test-prefix']] : strs(t['test-prefix'], ['{name}']),
  };
}

/**
 * The typed configuration of a validated project table over a preset. The preset's `severity`
 * stays a layer of its own, so the project's `select` can turn on what the preset left off.
 */
export function buildConfig(project: Readonly<Table>, presetId: PresetId): PyguideConfig {
  const preset = presetById(presetId)?.table ?? {};
  const { severity: presetSeverity, ...presetRest } = preset as Table;
  const t = mergeTables(presetRest, project);
  const b = BASE_CONFIG;
  const license = isTable(t.license) ? t.license : {};
  const layout = isTable(t.layout) ? t.layout : {};
  const rules = isTable(t.rules) ? t.rules : {};
  return {
    preset: presetId,
    select: Array.isArray(t.select) ? (t.select as string[]) : undefined,
    ignore: strs(t.ignore, b.ignore),
    severity: own<SeveritySetting>(t.severity),
    presetSeverity: own<SeveritySetting>(presetSeverity),
    exclude: strs(t.exclude, b.exclude),
    license: {
      holder: str(license.holder, b.license.holder),
      style: license.style === 'spdx' ? 'spdx' : 'full',
      spdx: str(license.spdx, b.license.spdx),
    },
    requiresPython: str(t['requires-python'], b.requiresPython),
    classifiers: strs(t.classifiers, b.classifiers),
    layout: {
      core: str(layout.core, b.layout.core),
      namespaceDirs: strs(layout['namespace-dirs'], b.layout.namespaceDirs),
      members: Array.isArray(layout.members) ? (layout.members as Table[]).map(memberKind) : [],
    },
    maxFileSize: typeof t['max-file-size'] === 'number' ? t['max-file-size'] : b.maxFileSize,
    ruleOptions: own<Record<string, unknown>>(Object.fromEntries(Object.entries(rules).filter(([, v]) => isTable(v)))),
    teamRules: own<Record<string, unknown>>(Object.fromEntries(Object.entries(isTable(t['custom-rules']) ? t['custom-rules'] : {}).filter(([, v]) => isTable(v)))),
  };
}

/** Editor-side additions (VS Code `pyguide.*` settings). */
export interface EditorOverrides {
  severity?: Record<string, SeveritySetting>;
  exclude?: string[];
  maxFileSize?: number;
}

export interface ResolvedConfig extends PyguideConfig {
  /** The severity a rule reports with, or `off`. */
  severityOf(ruleId: string, defaultSeverity: Severity): SeveritySetting;
}

export function resolveConfig(config: PyguideConfig, overrides: EditorOverrides = {}): ResolvedConfig {
  const severity = Object.assign(Object.create(null) as Record<string, SeveritySetting>, config.severity, overrides.severity ?? {});
  const select = config.select ? new Set(config.select) : undefined;
  const ignore = new Set(config.ignore);
  return {
    ...config,
    severity,
    exclude: [...config.exclude, ...(overrides.exclude ?? [])],
    maxFileSize: overrides.maxFileSize ?? config.maxFileSize,
    severityOf(ruleId, defaultSeverity) {
      // Problems of the configuration itself cannot be configured away.
      if (ruleId === INVALID_CONFIG) return 'error';
      // An explicit severity turns a rule on even when `select` leaves it out.
      if (severity[ruleId]) return severity[ruleId];
      if (ignore.has(ruleId) || (select && !select.has(ruleId) && !ENGINE_REPORTS.includes(ruleId))) return 'off';
      const preset = config.presetSeverity[ruleId];
      // A rule the project selects runs even where the preset leaves it off.
      if (preset === 'off') return select ? defaultSeverity : 'off';
      return preset ?? defaultSeverity;
    },
  };
}
