import type { PyprojectRule } from '../../engine/types';
import { findKeyValue, stringValue, tomlRange } from '../../parsing/toml';
import { editFix, memberOf, sourceOf } from './_member';
import { appendToArray, renderString } from './_toml';

export const pythonClassifiers: PyprojectRule = {
  id: 'python-classifiers',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Release Process › Required Classifiers',
  summary: 'missing `Programming Language :: Python :: 3.10` .. `3.14`, `Typing :: Typed` or the license classifier',
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    if (!src || !pkg?.kind.publishable) return [];
    // No `classifiers` at all is missing-metadata's finding (its fix adds the whole set).
    const kv = findKeyValue(src.ast, ['project', 'classifiers']);
    if (!kv) return [];
    if (kv.value.type !== 'TOMLArray') {
      return [{ range: tomlRange(kv.value), message: '`classifiers` must be an array of strings.' }];
    }
    const present = new Set(kv.value.elements.map(stringValue));
    const missing = ctx.config.classifiers.filter((c) => !present.has(c));
    if (missing.length === 0) return [];
    // PEP 639: with a license expression, license classifiers are obsolete and build backends may
    // refuse them (setuptools does), so adding one can break the build. Other classifiers only describe.
    const expression = typeof (ctx.toml.ok && (ctx.toml.value.project as Record<string, unknown> | undefined)?.license) === 'string';
    const safe = !(expression && missing.some((c) => c.startsWith('License ::')));
    return [
      {
        range: tomlRange(kv.key),
        message: `Missing classifier${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}: every package declares the Python versions it is tested on, that it is typed, and its license.`,
        fix: editFix(ctx, 'Add missing classifiers', appendToArray(src, kv.value, missing.map(renderString)), safe),
      },
    ];
  },
};
