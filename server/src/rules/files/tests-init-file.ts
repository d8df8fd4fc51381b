import { dirname, join } from 'node:path';
import { fileStartRange } from '../../engine/textIndex';
import type { PythonContext, PythonRule } from '../../engine/types';
import { deleteInitFix, isInitFile } from './_initFiles';
import { segmentsBelow } from './_testModules';

/**
 * Where a file's path is read from: the workspace root, else the nearest folder with a
 * pyproject.toml, else the filesystem root. A checkout that happens to live under some `tests/`
 * folder must not make every `__init__.py` in it a finding.
 */
function projectBase(ctx: PythonContext): string {
  const root = ctx.workspace.root;
  if (root !== undefined && segmentsBelow(root, ctx.file)) return root;
  let dir = dirname(ctx.file);
  while (!ctx.workspace.exists(join(dir, 'pyproject.toml')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const testsInitFile: PythonRule = {
  id: 'tests-init-file',
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  headOnly: true,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: '`__init__.py` inside a `tests/` directory',
  check(ctx) {
    if (!isInitFile(ctx.file)) return [];
    const directories = segmentsBelow(projectBase(ctx), ctx.file)?.slice(0, -1) ?? [];
    if (!directories.includes('tests')) return [];
    const { fix, note } = deleteInitFix(ctx);
    return [
      {
        range: fileStartRange(ctx.index),
        message: `\`__init__.py\` in a \`tests/\` directory turns the tests into a package, which causes module conflicts between packages; delete it.${note}`,
        fix,
      },
    ];
  },
};
