// How wide a project's lines may be and how it counts ambiguous characters, for re-aligning tables:
// `[tool.pyguide.rules.misaligned-box-table]` first, then Ruff's `line-length`, then Ruff's default.
import type { ResolvedConfig } from '../engine/config';
import { getPath } from '../parsing/toml';
import type { WorkspaceView } from '../workspace/view';
import type { RenderOptions } from './boxTable';
import { DEFAULT_LINE_LENGTH } from './docstringTables';

export const TABLE_RULE = 'misaligned-box-table';

/** The workspace root's `[tool.ruff] line-length`, when it sets one. */
export function ruffLineLength(workspace: WorkspaceView): number | undefined {
  const root = workspace.rootPyproject ? workspace.pyproject(workspace.rootPyproject) : undefined;
  const value = root?.ok ? getPath(root.value, 'tool', 'ruff', 'line-length') : undefined;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

export function tableOptions(config: ResolvedConfig, workspace: WorkspaceView): RenderOptions {
  const own = config.ruleOptions[TABLE_RULE] ?? {};
  const lineLength = own['line-length'];
  return {
    ambiguousWidth: own['ambiguous-width'] === 2 ? 2 : 1,
    maxLineLength: typeof lineLength === 'number' && lineLength > 0 ? lineLength : (ruffLineLength(workspace) ?? DEFAULT_LINE_LENGTH),
  };
}
