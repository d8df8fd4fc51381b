import { basename } from 'node:path';
import { fileStartRange } from '../../engine/textIndex';
import type { PythonRule } from '../../engine/types';
import { isSuffixTestModule, renameInPlace, segmentsBelow } from './_testModules';

/** The module-name prefix of a member directory: `cloud-sql-pg` -> `cloud_sql_pg_`. */
function testPrefixOf(dirName: string): string {
  // Hyphens are the guidelines' case; any other character a module name cannot hold goes too.
  return `${dirName.replace(/[^A-Za-z0-9_]/g, '_')}_`;
}

export const testFilePrefix: PythonRule = {
  id: 'test-file-prefix',
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: "a `*_test.py` module in a package's `tests/` not prefixed with the package directory name",
  check(ctx) {
    const name = basename(ctx.file);
    // `test_*.py` modules are test-file-name's; once renamed, they come back here.
    if (!isSuffixTestModule(name)) return [];
    const member = ctx.workspace.packageOf(ctx.file);
    if (!member || segmentsBelow(member.dir, ctx.file)?.[0] !== 'tests') return [];
    const prefix = testPrefixOf(member.dirName);
    if (name.startsWith(prefix)) return [];
    const newName = prefix + name;
    const { fix, clash } = renameInPlace(ctx, newName);
    return [
      {
        range: fileStartRange(ctx.index),
        message: `Test module \`${name}\` of \`${member.dirName}\` should start with \`${prefix}\` so its name is unique across the workspace: \`${newName}\`${clash}.`,
        fix,
      },
    ];
  },
};
