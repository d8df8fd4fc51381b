import { join } from 'node:path';
import type { PyprojectContext, PyprojectRule, Range, RuleFinding } from '../../engine/types';
import { findKeyValue, tomlRange } from '../../parsing/toml';
import { anchorOf, memberOf, shortPath } from './_member';

/** Why each file is asked for, in the guidelines' words. */
const WHY: Record<string, (kind: string) => string> = {
  'README.md': (kind) => `every ${kind} documents itself in a README.md`,
  LICENSE: () => 'a published package ships the LICENSE file (copy it from the workspace root)',
  'py.typed': () => "without the PEP 561 marker, type checkers ignore the package's annotations",
  'run.sh': (kind) => `every ${kind} has a run.sh that starts it`,
};

/** A `[project]` key that names the file, where a finding about it reads best. */
const KEY_OF: Record<string, string[][]> = {
  'README.md': [['project', 'readme']],
  LICENSE: [['project', 'license-files'], ['project', 'license']],
};

function anchorFor(ctx: PyprojectContext, file: string): Range {
  const ast = ctx.toml.ok ? ctx.toml.ast : undefined;
  // Own keys only: a required file may be called `constructor`.
  for (const path of Object.hasOwn(KEY_OF, file) ? KEY_OF[file] : []) {
    const kv = ast && findKeyValue(ast, path);
    if (kv) return tomlRange(kv.key);
  }
  return anchorOf(ctx, ['project']);
}

export const missingPackageFile: PyprojectRule = {
  id: 'missing-package-file',
  kind: 'pyproject',
  defaultSeverity: 'warning',
  guideline: 'Release Process › Required Files',
  summary: 'README.md (plugins, samples), LICENSE (publishable), `py.typed` marker, `run.sh` (samples) missing',
  check(ctx) {
    const pkg = memberOf(ctx);
    if (!pkg || !ctx.toml.ok) return [];
    const files = ctx.workspace.packageFiles(pkg);
    const findings: RuleFinding[] = [];
    for (const name of pkg.kind.requiredFiles) {
      const why = Object.hasOwn(WHY, name) ? WHY[name](pkg.kind.kind) : `every ${pkg.kind.kind} must have it`;
      if (name === 'py.typed') {
        if (files.modules.length === 0) {
          findings.push({ range: anchorFor(ctx, name), message: `No py.typed: no import package (a directory with \`__init__.py\`) found under ${pkg.kind.sourceDir}/ to hold it; ${why}.` });
        }
        for (const module of files.untyped) {
          const marker = join(module.dir, 'py.typed');
          findings.push({
            range: anchorFor(ctx, name),
            message: `No py.typed in ${shortPath(ctx.workspace, module.dir)} (\`${module.module}\`): ${why}.`,
            fix: { title: `Create py.typed in ${module.module}`, safe: true, changes: [{ type: 'create', file: marker, content: '' }] },
          });
        }
        continue;
      }
      if (files.exists(name)) continue;
      const finding: RuleFinding = { range: anchorFor(ctx, name), message: `No ${name} in ${shortPath(ctx.workspace, pkg.dir)}: ${why}.` };
      const rootLicense = name === 'LICENSE' && ctx.workspace.root ? join(ctx.workspace.root, 'LICENSE') : undefined;
      const content = rootLicense && rootLicense !== join(pkg.dir, 'LICENSE') ? ctx.workspace.readText(rootLicense) : undefined;
      if (rootLicense && content !== undefined) {
        finding.fix = { title: 'Copy LICENSE from the workspace root', safe: true, changes: [{ type: 'create', file: join(pkg.dir, 'LICENSE'), content }] };
      }
      findings.push(finding);
    }
    return findings;
  },
};
