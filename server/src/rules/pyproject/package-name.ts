import type { PyprojectRule } from '../../engine/types';
import { findKeyValue, stringValue, tomlRange } from '../../parsing/toml';
import { editFix, memberOf, shortPath, sourceOf } from './_member';
import { setString } from './_toml';

export const packageName: PyprojectRule = {
  id: 'package-name',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Naming Consistency',
  summary: '`[project].name` not matching the directory by the layout rule, or using underscores',
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    if (!src || !pkg) return [];
    const kv = findKeyValue(src.ast, ['project', 'name']);
    const name = stringValue(kv?.value);
    if (!kv || name === undefined || name === pkg.expectedName) return [];
    const dir = shortPath(ctx.workspace, pkg.dir);
    const message =
      name.includes('_') && name.replace(/_/g, '-') === pkg.expectedName
        ? `Package names use hyphens, not underscores: "${name}" should be "${pkg.expectedName}".`
        : `Package name "${name}" does not match its directory: ${dir} must be named "${pkg.expectedName}" (layout rule ${pkg.kind.path} -> ${pkg.kind.name}).`;
    // Renaming a package breaks whatever depends on the old name, so this fix is offered, never applied in bulk.
    return [{ range: tomlRange(kv.value), message, fix: editFix(ctx, `Set name to "${pkg.expectedName}"`, [setString(src, kv.value, pkg.expectedName)], false) }];
  },
};
