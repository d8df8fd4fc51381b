// The licence a file's own package declares: `[project].license` of the nearest pyproject.toml
// with a `[project]` table, at or above the file and not above the workspace root. Only the
// PEP 639 string form counts, since it is an SPDX expression; the older table forms hold free text.
import { dirname, join } from 'node:path';
import type { WorkspaceView } from '../../workspace/view';

export interface DeclaredLicense {
  /** The SPDX expression as written, e.g. `MIT` or `Apache-2.0 OR MIT`. */
  expression: string;
  /** The pyproject.toml declaring it. */
  file: string;
}

export function declaredLicense(workspace: WorkspaceView, file: string): DeclaredLicense | undefined {
  const top = workspace.root;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const path = join(dir, 'pyproject.toml');
    // Whether there is a [project] table, then its license only: a version edit re-checks no module.
    // A missing file has no table: the model remembers that until the file appears (no stat per keystroke).
    if (workspace.pyprojectHasTable(path, ['project'])) {
      const license = workspace.pyprojectValue(path, ['project', 'license']);
      return typeof license === 'string' ? { expression: license, file: path } : undefined;
    }
    if (dir === top || dirname(dir) === dir) return undefined;
  }
}

/** Whether an SPDX expression leaves `id` out: `MIT` does, `Apache-2.0 OR MIT` does not (ids compare case-insensitively). */
export function excludesLicense(expression: string, id: string): boolean {
  const ids = expression.split(/[\s()]+/).filter((t) => t && !/^(AND|OR|WITH)$/i.test(t));
  return ids.length > 0 && !ids.some((t) => t.toLowerCase() === id.toLowerCase());
}
