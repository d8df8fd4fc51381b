import { basename, relative, sep } from 'node:path';
import { fileStartRange, rangeAt } from '../../engine/textIndex';
import type { PythonRule } from '../../engine/types';
import { isTestModule } from './_testModules';

export const duplicateTestBasename: PythonRule = {
  id: 'duplicate-test-basename',
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: 'two or more test modules in the workspace with the same file name',
  check(ctx) {
    if (!isTestModule(ctx.file)) return [];
    const name = basename(ctx.file);
    const others = ctx.workspace.pythonFilesNamed(name).filter((f) => f !== ctx.file);
    if (others.length === 0) return [];
    const root = ctx.workspace.root;
    const shown = others.map((f) => `\`${root ? relative(root, f).split(sep).join('/') : f}\``);
    return [
      {
        range: fileStartRange(ctx.index),
        message: `Test module name \`${name}\` is also used by ${shown.join(', ')}: pytest cannot collect two test modules with the same name; make each unique (prefix it with its package name).`,
        // Other files' text is not at hand here, so their locations are the start of their first line.
        related: others.map((file) => ({ file, range: rangeAt(0, 0, 0), message: `Another test module named \`${name}\`` })),
      },
    ];
  },
};
