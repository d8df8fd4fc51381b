import { dirname, join, relative } from 'node:path';
import { fileStartRange } from '../../engine/textIndex';
import type { PythonRule } from '../../engine/types';
import { deleteInitFix, isInitFile } from './_initFiles';

export const namespaceInitFile: PythonRule = {
  id: 'namespace-init-file',
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  headOnly: true,
  defaultSeverity: 'error',
  guideline: 'Detailed Coding Guidelines › Packaging (PEP 420 Namespace Packages)',
  summary: "`__init__.py` in a namespace plugin's namespace directories (`src/genkit/`, `src/genkit/plugins/`)",
  check(ctx) {
    if (!isInitFile(ctx.file)) return [];
    const member = ctx.workspace.packageOf(ctx.file);
    if (!member?.kind.namespace) return [];
    const src = join(member.dir, 'src');
    const dir = dirname(ctx.file);
    // `relative` is '' for the same directory however the configured path is spelled (`genkit/plugins/`).
    const namespace = ctx.config.layout.namespaceDirs.find((d) => relative(join(src, d), dir) === '');
    if (namespace === undefined) return [];
    const { fix, note } = deleteInitFix(ctx);
    const dotted = namespace.split(/[\\/]/).filter(Boolean).join('.');
    return [
      {
        range: fileStartRange(ctx.index),
        message: `\`src/${relative(src, ctx.file).split(/[\\/]/).join('/')}\` makes the PEP 420 namespace \`${dotted}\` a regular package, which hides the modules other packages install into it; delete it.${note}`,
        fix,
      },
    ];
  },
};
