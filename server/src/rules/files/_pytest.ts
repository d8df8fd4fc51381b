// How pytest names a test module when it imports it, which decides whether two modules collide:
// its `--import-mode` (from the configuration file pytest would pick) and, in the `prepend` and
// `append` modes, the package the module sits in (`__init__.py` directories above it).
import { basename, dirname, join } from 'node:path';
import { getPath } from '../../parsing/toml';
import type { WorkspaceView } from '../../workspace/view';

export type ImportMode = 'prepend' | 'append' | 'importlib';

/** The files pytest takes its configuration from, in the order it looks for them in each directory. */
const CONFIG_FILES = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'] as const;
/** The ini section holding pytest's options in each ini-style file (pytest.ini accepts either). */
const INI_SECTION: Record<string, readonly string[]> = {
  'pytest.ini': ['pytest', 'tool:pytest'],
  '.pytest.ini': ['pytest', 'tool:pytest'],
  'tox.ini': ['pytest'],
  'setup.cfg': ['tool:pytest'],
};

/** The last `--import-mode` among command-line options, or undefined when none is given. */
export function importModeIn(args: readonly string[]): ImportMode | undefined {
  let mode: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^--import-mode(?:=(.*))?$/.exec(args[i]);
    if (m) mode = m[1] ?? args[++i];
  }
  return mode === 'prepend' || mode === 'append' || mode === 'importlib' ? mode : undefined;
}

/** Command-line options as pytest splits `addopts` (shell words; quotes kept simple). */
function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/**
 * Whether an ini file has one of `sections`, and the `addopts` value there with its indented
 * continuation lines joined.
 */
function iniAddopts(text: string, sections: readonly string[]): { found: boolean; addopts: string } {
  const lines = text.split(/\r\n|\r|\n/);
  let inSection = false;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(lines[i]);
    if (header) {
      inSection = sections.includes(header[1].trim());
      found ||= inSection;
      continue;
    }
    const addopts = inSection ? /^addopts\s*[=:]\s*(.*)$/.exec(lines[i]) : null;
    if (!addopts) continue;
    const value = [addopts[1]];
    for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]) && !/^\s*[#;]/.test(lines[j]); j++) value.push(lines[j].trim());
    return { found, addopts: value.join(' ') };
  }
  return { found, addopts: '' };
}

/** The configuration pytest reads in one file, or undefined when the file does not configure pytest. */
function configIn(workspace: WorkspaceView, file: string): { addopts: string[] } | undefined {
  const name = basename(file);
  if (name === 'pyproject.toml') {
    // pytest 9 reads a native `[tool.pytest]` table; earlier versions `[tool.pytest.ini_options]`.
    const pytest = workspace.pyprojectValue(file, ['tool', 'pytest']);
    const table = getPath(pytest, 'ini_options') ?? pytest;
    if (!table || typeof table !== 'object') return undefined;
    const addopts = (table as Record<string, unknown>).addopts;
    if (typeof addopts === 'string') return { addopts: shellWords(addopts) };
    return { addopts: Array.isArray(addopts) ? addopts.filter((a): a is string => typeof a === 'string').flatMap(shellWords) : [] };
  }
  const text = workspace.readText(file);
  if (text === undefined) return undefined;
  const { found, addopts } = iniAddopts(text, INI_SECTION[name]);
  // A pytest.ini is pytest's configuration even when it has no section.
  if (!found && name !== 'pytest.ini') return undefined;
  return { addopts: shellWords(addopts) };
}

/**
 * The import mode pytest uses for tests below `dir`: from the first configuration file found in
 * `dir` or above it, as pytest finds its configuration when run from there; `prepend` by default.
 */
export function pytestImportMode(workspace: WorkspaceView, dir: string): ImportMode {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of CONFIG_FILES) {
      const file = join(d, name);
      if (!workspace.exists(file)) continue;
      const config = configIn(workspace, file);
      if (config) return importModeIn(config.addopts) ?? 'prepend';
    }
    if (dirname(d) === d) return 'prepend';
  }
}

/**
 * The name pytest's `prepend` and `append` modes import a module under: its path from the
 * topmost directory of the unbroken run of packages (`__init__.py`, identifier names) above it.
 */
export function pytestModuleName(workspace: WorkspaceView, file: string): string {
  const parts = [basename(file).replace(/\.pyi?$/, '')];
  for (let d = dirname(file); dirname(d) !== d; d = dirname(d)) {
    const name = basename(d);
    if (!/^[A-Za-z_]\w*$/.test(name) || !workspace.exists(join(d, '__init__.py'))) break;
    parts.unshift(name);
  }
  return parts.join('.');
}
