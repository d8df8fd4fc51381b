import { eq, valid } from '@renovatebot/pep440';
import type { PyprojectRule } from '../../engine/types';
import { findKeyValue, tomlRange } from '../../parsing/toml';
import { coreVersion, editFix, memberOf, ownMetadata, related, shortPath, sourceOf } from './_member';
import { setString } from './_toml';

/** Equal as PEP 440 versions (`0.5` is `0.5.0`), or as text when either is not a version. */
function sameVersion(a: string, b: string): boolean {
  return a === b || (valid(a) !== null && valid(b) !== null && eq(a, b));
}

export const versionSync: PyprojectRule = {
  id: 'version-sync',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Code Quality & Linting › Plugin Version Sync',
  summary: "a plugin's version differing from the core package's",
  check(ctx) {
    const src = sourceOf(ctx);
    const pkg = memberOf(ctx);
    if (!src || !pkg || !pkg.kind.versionSync || pkg.dir === ctx.workspace.corePackage?.dir) return [];
    const core = coreVersion(ctx);
    const own = ownMetadata(ctx);
    const kv = findKeyValue(src.ast, ['project', 'version']);
    // A missing or dynamic version is missing-metadata's business; an unknown core version leaves nothing to compare.
    if (!core || !own?.version || !kv || sameVersion(own.version.value, core.value)) return [];
    const corePath = shortPath(ctx.workspace, core.file);
    return [
      {
        range: tomlRange(kv.value),
        message: `Version "${own.version.value}" differs from the core package's "${core.value}" (${corePath}): ${pkg.kind.kind}s are released together with the core, under one version.`,
        fix: editFix(ctx, `Set version to "${core.value}"`, [setString(src, kv.value, core.value)], false),
        related: related(core.file, core.range, `core version "${core.value}"`),
      },
    ];
  },
};
