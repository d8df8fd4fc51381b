import { basename, dirname, relative, sep } from 'node:path';
import { fileStartRange, rangeAt } from '../../engine/textIndex';
import type { PythonRule } from '../../engine/types';
import { pytestImportMode, pytestModuleName } from './_pytest';
import { isTestModule } from './_testModules';

export const duplicateTestBasename: PythonRule = {
  id: 'duplicate-test-basename',
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  headOnly: true,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: 'two or more test modules in the workspace that pytest would import under the same module name',
  check(ctx) {
    if (!isTestModule(ctx.file)) return [];
    const name = basename(ctx.file);
    const sameName = ctx.workspace.pythonFilesNamed(name).filter((f) => f !== ctx.file);
    if (sameName.length === 0) return [];
    // In importlib mode pytest imports each test module under a name of its own: nothing collides.
    const { workspace } = ctx;
    const importlib = (file: string) => pytestImportMode(workspace, dirname(file)) === 'importlib';
    if (importlib(ctx.file)) return [];
    const module = pytestModuleName(workspace, ctx.file);
    const others = sameName.filter((f) => !importlib(f) && pytestModuleName(workspace, f) === module).sort();
    if (others.length === 0) return [];
    const root = workspace.root;
    const shown = others.map((f) => `\`${root ? relative(root, f).split(sep).join('/') : f}\``);
    return [
      {
        range: fileStartRange(ctx.index),
        message: `Test module name \`${name}\` is also used by ${shown.join(', ')}: pytest imports both as module \`${module}\` and cannot collect the second; make each unique (prefix it with its package name).`,
        // Other files' text is not at hand here, so their locations are the start of their first line.
        related: others.map((file) => ({ file, range: rangeAt(0, 0, 0), message: `Another test module named \`${name}\`` })),
      },
    ];
  },
};
