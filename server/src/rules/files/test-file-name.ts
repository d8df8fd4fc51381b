import { basename } from 'node:path';
import { fileStartRange } from '../../engine/textIndex';
import type { PythonRule } from '../../engine/types';
import { pytestStyleStem, renameInPlace } from './_testModules';

export const testFileName: PythonRule = {
  id: 'test-file-name',
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  headOnly: true,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: 'a test module named `test_*.py` instead of `*_test.py`',
  check(ctx) {
    const name = basename(ctx.file);
    const stem = pytestStyleStem(name);
    if (stem === undefined) return [];
    const newName = `${stem}_test.py`;
    const { fix, clash } = renameInPlace(ctx, newName);
    return [
      {
        range: fileStartRange(ctx.index),
        message: `Test module \`${name}\` is named in the \`test_*.py\` form; use the \`*_test.py\` form: \`${newName}\`${clash}.`,
        fix,
      },
    ];
  },
};
