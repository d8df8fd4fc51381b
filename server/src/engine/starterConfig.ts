// The `[tool.pyguide]` table "Pyguide: Create Configuration" writes, and where it goes: the
// workspace root pyproject.toml when there is one, else the nearest pyproject.toml above the file
// inside its folder, else a new pyproject.toml at the folder's root.
import { dirname, join, relative, sep } from 'node:path';
import type { WorkspaceModel } from '../workspace/model';
import { presetById, type PresetId } from './presets';

/** The table's text, after a blank line: the preset, and where the keys it can take are described. */
export function starterTable(preset: PresetId): string {
  const title = presetById(preset)?.title ?? preset;
  const lines = [
    '[tool.pyguide]',
    `# ${title}.`,
    '# Keys and presets: https://github.com/pyguide/pyguide/blob/main/docs/presets.md',
    `preset = "${preset}"`,
  ];
  if (preset === 'generic') {
    lines.push(
      '',
      '# Uncomment to have license headers checked and inserted:',
      '# [tool.pyguide.license]',
      '# holder = "Your Name or Organisation"',
      '# spdx = "MIT"',
      '# style = "spdx"',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Whether a pyproject.toml text already has a `[tool.pyguide]` table (or a `tool.pyguide` key). */
export function hasPyguideTable(text: string): boolean {
  return /^\s*\[\s*tool\s*\.\s*pyguide\s*[\].]|^\s*tool\s*\.\s*pyguide\s*[.=]|^\s*pyguide\s*=/m.test(text);
}

/** `text` with the starter table appended after one blank line; the rest of the file untouched. */
export function withStarterTable(text: string, preset: PresetId): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const table = starterTable(preset).replace(/\n/g, eol);
  if (text.trim() === '') return table;
  const ending = text.endsWith(eol) ? (text.endsWith(eol + eol) ? '' : eol) : eol + eol;
  return text + ending + table;
}

/** Where the starter table goes for `file`: the workspace's configuration file, or a pyproject.toml in `folder`. */
export function starterTarget(workspace: WorkspaceModel, file: string, folder: string | undefined, exists: (path: string) => boolean): string | undefined {
  const configured = workspace.activation.configFile ?? workspace.rootPyproject;
  if (configured) return configured;
  if (!folder) return undefined;
  const inside = (dir: string) => dir === folder || !relative(folder, dir).startsWith(`..${sep}`) && relative(folder, dir) !== '..';
  for (let dir = dirname(file); inside(dir); dir = dirname(dir)) {
    if (exists(join(dir, 'pyproject.toml'))) return join(dir, 'pyproject.toml');
    if (dir === folder || dirname(dir) === dir) break;
  }
  return join(folder, 'pyproject.toml');
}
