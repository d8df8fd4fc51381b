import type { PyprojectRule } from '../../engine/types';
import { findKeyValue, stringValue, tomlRange } from '../../parsing/toml';
import { editFix, isWorkspaceRoot, memberOf, sourceOf } from './_member';
import { setString } from './_toml';

const compact = (s: string) => s.replace(/\s+/g, '');

export const requiresPython: PyprojectRule = {
  id: 'requires-python',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Python Version Consistency',
  summary: '`requires-python` other than the workspace-wide value (default `>=3.10`)',
  check(ctx) {
    const src = sourceOf(ctx);
    if (!src || !(memberOf(ctx) || isWorkspaceRoot(ctx))) return [];
    // A missing value is missing-metadata's to report.
    const kv = findKeyValue(src.ast, ['project', 'requires-python']);
    if (!kv) return [];
    const expected = ctx.config.requiresPython;
    // Neither the preset nor the project says which versions: nothing to compare with.
    if (!expected) return [];
    const value = stringValue(kv.value);
    if (value !== undefined && compact(value) === compact(expected)) return [];
    return [
      {
        range: tomlRange(kv.value),
        message:
          value === undefined
            ? `\`requires-python\` must be a string; every package of the workspace uses "${expected}".`
            : `\`requires-python\` is "${value}"; every package of the workspace uses "${expected}", so they install and are tested on the same Python versions.`,
        fix: editFix(ctx, `Set requires-python to "${expected}"`, [setString(src, kv.value, expected)], false),
      },
    ];
  },
};
