// The workspace's member imports (module -> distribution) kept across runs. They come from every
// member's pyproject.toml, and parsing those is the costliest part of a run whose results are
// cached; they are parsed again only when a member's pyproject.toml text, the member list, the
// import packages or the configuration changed.
import type { WorkspaceModel } from '../workspace/model';
import type { MemberImport } from '../workspace/view';
import { digest } from './workspaceFacts';

export interface MemberImportsMemo {
  /** Digest of everything the member imports are computed from. */
  inputs: string;
  value: MemberImport[];
}

/**
 * Digest of what `memberImports()` reads: members, their pyproject.toml texts (as `textOf` gives
 * them) and import packages, under `settings`.
 */
export function memberImportsInputs(ws: WorkspaceModel, settings: string, textOf: (path: string) => string | undefined): string {
  const members = ws.packages.map((pkg) => {
    const text = textOf(pkg.pyprojectPath);
    return [pkg.dir, pkg.kind, pkg.expectedName, pkg.pyprojectPath, text === undefined ? null : digest(text), ws.packageFiles(pkg).modules];
  });
  return digest(JSON.stringify([settings, members]));
}

export function isMemberImportsMemo(v: unknown): v is MemberImportsMemo {
  const memo = v as MemberImportsMemo | undefined;
  return (
    typeof memo === 'object' &&
    memo !== null &&
    typeof memo.inputs === 'string' &&
    Array.isArray(memo.value) &&
    memo.value.every((m) => typeof m === 'object' && m !== null && typeof m.module === 'string' && typeof m.distribution === 'string')
  );
}
