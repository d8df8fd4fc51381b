// The presets `[tool.pyguide] preset = "..."` names, as data. Each is a `[tool.pyguide]` table
// written as a plain object with the table's own keys (the same schema validates both): adding a
// rule option to a preset is one line under its `rules`. A project's own keys override the
// preset's; tables merge key by key, arrays and values replace (see config.ts).
// No imports: the client bundles this file for its "Create Configuration" quick pick.

export type PresetId = 'genkit' | 'genkit-plugins' | 'generic';

export interface Preset {
  id: PresetId;
  /** One line, for the quick pick and the docs. */
  title: string;
  /** The `[tool.pyguide]` keys this preset stands for. */
  table: Readonly<Record<string, unknown>>;
}

// The short form (copyright and SPDX lines) is what Genkit's own license check accepts.
const GENKIT_LICENSE = { holder: 'Google LLC', spdx: 'Apache-2.0', style: 'spdx' };
const GENKIT_CLASSIFIERS = [
  'License :: OSI Approved :: Apache Software License',
  'Programming Language :: Python :: 3.10',
  'Programming Language :: Python :: 3.11',
  'Programming Language :: Python :: 3.12',
  'Programming Language :: Python :: 3.13',
  'Programming Language :: Python :: 3.14',
  'Typing :: Typed',
];

/**
 * Three of the guidelines' project rules, written as team rules (docs/custom-rules.md): what a
 * Genkit project would write in `[tool.pyguide.custom-rules]`. Each matches only what the guideline
 * names, so it is silent on code that follows it.
 */
const GENKIT_TEAM_RULES = {
  'sample-entry-point': {
    pattern: 'asyncio.run($MAIN)',
    files: ['samples/*/src/main.py', 'samples/*/main.py'],
    message: 'Samples start with ai.run_main($MAIN), not asyncio.run: it starts the Dev UI and registers the flows with the reflection API',
    fix: 'ai.run_main($MAIN)',
    docs: 'https://github.com/pyguide/pyguide/blob/main/docs/custom-rules.md#the-genkit-presets-team-rules',
  },
  'signal-default-int-handler': {
    pattern: 'signal.default_int_handler($$$)',
    message: 'signal.default_int_handler only suits SIGINT: restore the default with signal.signal(signum, signal.SIG_DFL), then os.kill(os.getpid(), signum)',
    docs: 'https://github.com/pyguide/pyguide/blob/main/docs/custom-rules.md#the-genkit-presets-team-rules',
  },
  'sentry-send-default-pii': {
    pattern: 'sentry_sdk.init($$$, send_default_pii=True, $$$)',
    message: 'Initialise Sentry with send_default_pii=False: personal data stays out of error reports',
    docs: 'https://github.com/pyguide/pyguide/blob/main/docs/custom-rules.md#the-genkit-presets-team-rules',
  },
};

/** What both Genkit layouts expect of every package. */
const GENKIT_PACKAGES = { license: GENKIT_LICENSE, 'requires-python': '>=3.10', classifiers: GENKIT_CLASSIFIERS, 'custom-rules': GENKIT_TEAM_RULES };

/** Rules that hold a Genkit convention with no setting to say otherwise; `generic` leaves them off. */
const GENKIT_ONLY_RULES = [
  'test-file-name',
  'test-file-prefix',
  'tests-init-file',
  'missing-eli5-docs',
  // structlog with key-value fields, awaited in coroutines: the guidelines' logging conventions.
  'logging-fstring',
  'sync-log-in-async',
  'stdlib-logging',
  // The three type checkers' coverage of the workspace, as the guidelines configure them.
  'type-checker-coverage',
  // The guidelines' suppression policy: security findings are suppressed on the line, never in config.
  'ruff-suppression-policy',
  // `__all__` in plain code-point order: Genkit's convention (Ruff's RUF022 sorts otherwise).
  'dunder-all',
  // `#!/usr/bin/env bash` and `set -euo pipefail`: the Genkit team's shell script standard.
  'shell-script-header',
];

export const PRESETS: readonly Preset[] = [
  {
    id: 'genkit',
    title: 'Genkit, current layout: packages/genkit-<x> named genkit-<x>, modules genkit_<x>, no namespace packages, no run.sh',
    table: {
      ...GENKIT_PACKAGES,
      layout: {
        core: 'packages/genkit',
        'namespace-dirs': [],
        members: [
          // Tests of packages/genkit-anthropic are anthropic_*_test.py (or genkit_anthropic_*).
          { kind: 'package', path: 'packages/*', name: '{name}', 'required-files': ['README.md', 'LICENSE', 'py.typed'], 'test-prefix': ['genkit-{name}', '{name}'] },
          { kind: 'sample', path: 'samples/*', name: '{name}', publishable: false, 'required-files': ['README.md'] },
        ],
      },
      rules: { 'test-file-prefix': { exempt: ['packages/genkit'] } },
      // The current tree dropped the ELI5 convention (its last tables went in genkit-ai/genkit#5650).
      severity: { 'missing-eli5-docs': 'off' },
    },
  },
  {
    id: 'genkit-plugins',
    title: 'Genkit, the guidelines’ layout: plugins/<dir> named genkit-plugin-<dir>, PEP 420 namespace packages, run.sh in samples',
    table: {
      ...GENKIT_PACKAGES,
      layout: {
        core: 'packages/genkit',
        'namespace-dirs': ['genkit', 'genkit/plugins'],
        members: [
          { kind: 'package', path: 'packages/*', name: '{name}', 'required-files': ['LICENSE', 'py.typed'] },
          { kind: 'plugin', path: 'plugins/*', name: 'genkit-plugin-{name}', namespace: true, 'required-files': ['README.md', 'LICENSE', 'py.typed'] },
          { kind: 'sample', path: 'samples/*', name: '{name}', publishable: false, 'required-files': ['README.md', 'run.sh'] },
        ],
      },
      rules: { 'test-file-prefix': { exempt: ['packages/genkit'] } },
    },
  },
  {
    id: 'generic',
    title: 'Any Python project: language-level rules only; no license holder, layout or Python version until you set them',
    table: {
      severity: Object.fromEntries(GENKIT_ONLY_RULES.map((id) => [id, 'off'])),
    },
  },
];

export const PRESET_IDS: readonly PresetId[] = PRESETS.map((p) => p.id);

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
