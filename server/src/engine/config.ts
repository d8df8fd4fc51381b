// Configuration: `[tool.pyguide]` in the workspace root pyproject.toml is the project's truth;
// editor settings may add severity overrides and excludes on top. Defaults are the Genkit guide's.
import { SEVERITIES, type Severity } from '../base/severity';

export type SeveritySetting = Severity | 'off';

export interface LicenseConfig {
  /** Copyright holder written in inserted headers. */
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
  select: string[] | undefined;
  ignore: string[];
  severity: Record<string, SeveritySetting>;
  exclude: string[];
  license: LicenseConfig;
  requiresPython: string;
  classifiers: string[];
  layout: LayoutConfig;
  maxFileSize: number;
  /** Rule-specific tables from `[tool.pyguide.rules.<id>]`, read by the rules themselves. */
  ruleOptions: Record<string, Record<string, unknown>>;
}

export const DEFAULT_CONFIG: PyguideConfig = {
  select: undefined,
  ignore: [],
  severity: {},
  exclude: [],
  license: { holder: 'Google LLC', style: 'full', spdx: 'Apache-2.0' },
  requiresPython: '>=3.10',
  classifiers: [
    'License :: OSI Approved :: Apache Software License',
    'Programming Language :: Python :: 3.10',
    'Programming Language :: Python :: 3.11',
    'Programming Language :: Python :: 3.12',
    'Programming Language :: Python :: 3.13',
    'Programming Language :: Python :: 3.14',
    'Typing :: Typed',
  ],
  layout: {
    core: 'packages/genkit',
    namespaceDirs: ['genkit', 'genkit/plugins'],
    members: [
      {
        kind: 'package',
        path: 'packages/*',
        name: '{name}',
        publishable: true,
        namespace: false,
        requiredFiles: ['LICENSE', 'py.typed'],
        sourceDir: 'src',
        versionSync: true,
        testPrefix: ['{name}'],
      },
      {
        kind: 'plugin',
        path: 'plugins/*',
        name: 'genkit-plugin-{name}',
        publishable: true,
        namespace: true,
        requiredFiles: ['README.md', 'LICENSE', 'py.typed'],
        sourceDir: 'src',
        versionSync: true,
        testPrefix: ['{name}'],
      },
      {
        kind: 'sample',
        path: 'samples/*',
        name: '{name}',
        publishable: false,
        namespace: false,
        requiredFiles: ['README.md', 'run.sh'],
        sourceDir: 'src',
        versionSync: false,
        testPrefix: ['{name}'],
      },
    ],
  },
  maxFileSize: 10_000_000,
  ruleOptions: {},
};

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

const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);

function strings(v: unknown, where: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  problems.push(`${where} must be an array of strings`);
  return undefined;
}

function severities(v: unknown, where: string, problems: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  if (v === undefined) return out;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    problems.push(`${where} must be a table of rule = severity`);
    return out;
  }
  for (const [rule, sev] of Object.entries(v)) {
    if (typeof sev === 'string' && SEVERITY_SETTINGS.has(sev)) out[rule] = sev as SeveritySetting;
    else problems.push(`${where}.${rule} must be one of ${[...SEVERITY_SETTINGS].join(', ')}`);
  }
  return out;
}

const LAYOUT_KEYS = new Set(['core', 'namespace-dirs', 'members']);
const MEMBER_KEYS = new Set(['kind', 'path', 'name', 'publishable', 'namespace', 'required-files', 'source-dir', 'version-sync', 'test-prefix']);

function memberKinds(v: unknown, problems: string[]): MemberKind[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    problems.push('layout.members must be an array of tables');
    return undefined;
  }
  const out: MemberKind[] = [];
  for (const [i, m] of v.entries()) {
    const t = (m ?? {}) as Record<string, unknown>;
    if (typeof t.path !== 'string' || typeof t.kind !== 'string') {
      problems.push(`layout.members[${i}] needs string keys "kind" and "path"`);
      continue;
    }
    const segments = t.path.split('/');
    if (segments.length !== 2 || segments[1] !== '*' || segments[0] === '' || segments[0].includes('*')) {
      problems.push(`layout.members[${i}].path must look like "<dir>/*" (one directory, then *), not "${t.path}"`);
      continue;
    }
    for (const key of Object.keys(t)) if (!MEMBER_KEYS.has(key)) problems.push(`unknown key "${key}" in layout.members[${i}]`);
    const publishable = t.publishable !== false;
    out.push({
      kind: t.kind,
      path: t.path,
      name: typeof t.name === 'string' ? t.name : '{name}',
      publishable,
      namespace: t.namespace === true,
      requiredFiles: strings(t['required-files'], `layout.members[${i}].required-files`, problems) ?? [],
      sourceDir: typeof t['source-dir'] === 'string' ? t['source-dir'] : 'src',
      versionSync: typeof t['version-sync'] === 'boolean' ? t['version-sync'] : publishable,
      testPrefix: typeof t['test-prefix'] === 'string' ? [t['test-prefix']] : (strings(t['test-prefix'], `layout.members[${i}].test-prefix`, problems) ?? ['{name}']),
    });
  }
  return out;
}

/**
 * Reads `[tool.pyguide]` (already converted to plain values). Unknown or malformed keys are
 * reported in `problems` and fall back to the defaults; nothing here throws.
 */
export function readConfig(table: unknown): { config: PyguideConfig; problems: string[] } {
  const problems: string[] = [];
  const t = (table && typeof table === 'object' && !Array.isArray(table) ? table : {}) as Record<string, unknown>;
  const d = DEFAULT_CONFIG;
  const license = (t.license ?? {}) as Record<string, unknown>;
  const layout = (t.layout ?? {}) as Record<string, unknown>;
  const style = license.style ?? d.license.style;
  if (style !== 'full' && style !== 'spdx') problems.push('license.style must be "full" or "spdx"');
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, opts] of Object.entries((t.rules ?? {}) as Record<string, unknown>)) {
    if (opts && typeof opts === 'object' && !Array.isArray(opts)) ruleOptions[id] = opts as Record<string, unknown>;
    else problems.push(`rules.${id} must be a table`);
  }
  const known = new Set(['select', 'ignore', 'severity', 'exclude', 'license', 'requires-python', 'classifiers', 'layout', 'max-file-size', 'rules']);
  for (const k of Object.keys(t)) if (!known.has(k)) problems.push(`unknown key "${k}" in [tool.pyguide]`);
  for (const k of Object.keys(layout)) if (!LAYOUT_KEYS.has(k)) problems.push(`unknown key "${k}" in [tool.pyguide.layout]`);
  const maxFileSize = typeof t['max-file-size'] === 'number' ? t['max-file-size'] : d.maxFileSize;
  return {
    problems,
    config: {
      select: strings(t.select, 'select', problems),
      ignore: strings(t.ignore, 'ignore', problems) ?? [],
      severity: severities(t.severity, 'severity', problems),
      exclude: strings(t.exclude, 'exclude', problems) ?? [],
      license: {
        holder: typeof license.holder === 'string' ? license.holder : d.license.holder,
        style: style === 'spdx' ? 'spdx' : 'full',
        spdx: typeof license.spdx === 'string' ? license.spdx : d.license.spdx,
      },
      requiresPython: typeof t['requires-python'] === 'string' ? t['requires-python'] : d.requiresPython,
      classifiers: strings(t.classifiers, 'classifiers', problems) ?? d.classifiers,
      layout: {
        core: typeof layout.core === 'string' ? layout.core : d.layout.core,
        namespaceDirs: strings(layout['namespace-dirs'], 'layout.namespace-dirs', problems) ?? d.layout.namespaceDirs,
        members: memberKinds(layout.members, problems) ?? d.layout.members,
      },
      maxFileSize,
      ruleOptions,
    },
  };
}

export function resolveConfig(config: PyguideConfig, overrides: EditorOverrides = {}): ResolvedConfig {
  const severity = { ...config.severity, ...(overrides.severity ?? {}) };
  const select = config.select ? new Set(config.select) : undefined;
  const ignore = new Set(config.ignore);
  return {
    ...config,
    severity,
    exclude: [...config.exclude, ...(overrides.exclude ?? [])],
    maxFileSize: overrides.maxFileSize ?? config.maxFileSize,
    severityOf(ruleId, defaultSeverity) {
      // An explicit severity turns a rule on even when `select` leaves it out.
      if (severity[ruleId]) return severity[ruleId];
      if (ignore.has(ruleId) || (select && !select.has(ruleId))) return 'off';
      return defaultSeverity;
    },
  };
}
