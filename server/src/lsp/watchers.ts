import { basename } from 'node:path';
import { BASELINE_FILE } from '../baseline/baseline';
import type { ResolvedConfig } from '../engine/config';
import { FILE_KINDS } from '../engine/fileKinds';

/** Files the workspace model itself reads, whatever the configuration says. */
const ALWAYS = [...FILE_KINDS.flatMap((k) => k.watch), '**/.gitignore', `**/${BASELINE_FILE}`];

/**
 * The file-watch globs: the files pyguide lints and reads, plus every file a member kind of the
 * configurations in use requires (README.md, LICENSE, run.sh, ... as configured), whose creation or
 * deletion changes findings.
 */
export function watchedGlobs(configs: Iterable<ResolvedConfig>): string[] {
  const names = new Set<string>(['__init__.py']);
  for (const config of configs) for (const kind of config.layout.members) for (const f of kind.requiredFiles) names.add(basename(f));
  const sorted = [...names].sort();
  return [...ALWAYS, sorted.length === 1 ? `**/${sorted[0]}` : `**/{${sorted.join(',')}}`];
}
