import { basename, relative, sep } from 'node:path';
import type { MemberKind } from '../../engine/config';
import { fileStartRange } from '../../engine/textIndex';
import { staysInside } from '../../engine/configSchema';
import type { PythonRule } from '../../engine/types';
import { isSuffixTestModule, renameInPlace, segmentsBelow } from './_testModules';

const ID = 'test-file-prefix';

/** A name as a module-name prefix: `cloud-sql-pg` -> `cloud_sql_pg_`. */
function asPrefix(name: string): string {
  // Hyphens are the guidelines' case; any other character a module name cannot hold goes too.
  return `${name.replace(/[^A-Za-z0-9_]/g, '_')}_`;
}

/** What `{name}` of a `test-prefix` template stands for in a directory name, if the template matches it. */
function templatePart(template: string, dirName: string): string | undefined {
  const at = template.indexOf('{name}');
  if (at < 0) return template;
  const before = template.slice(0, at);
  const after = template.slice(at + '{name}'.length);
  const ok = dirName.length > before.length + after.length && dirName.startsWith(before) && dirName.endsWith(after);
  return ok ? dirName.slice(before.length, dirName.length - after.length) : undefined;
}

/**
 * The prefixes a member's test modules may start with, the suggested one first: one per
 * `test-prefix` template that matches the directory name, else the whole directory name.
 */
export function testPrefixes(kind: MemberKind, dirName: string): string[] {
  const parts = kind.testPrefix.map((t) => templatePart(t, dirName)).filter((p): p is string => p !== undefined && p !== '');
  return [...new Set((parts.length > 0 ? parts : [dirName]).map(asPrefix))];
}

/** Member directories (relative to the workspace root) whose tests need no prefix: `exempt` of the rule's options. */
function exempt(options: Record<string, unknown> | undefined): Set<string> {
  const list = options?.exempt;
  return new Set(Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string').map((d) => d.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')) : []);
}

export const testFilePrefix: PythonRule = {
  id: ID,
  kind: 'python',
  // The file's path and the workspace model only.
  reads: { scope: 'module' },
  headOnly: true,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Testing',
  summary: "a `*_test.py` module in a package's `tests/` not prefixed with the package's name",
  options: { exempt: { type: 'array', items: { type: 'string', check: staysInside } } },
  check(ctx) {
    const name = basename(ctx.file);
    // `test_*.py` modules are test-file-name's; once renamed, they come back here.
    if (!isSuffixTestModule(name)) return [];
    const member = ctx.workspace.packageOf(ctx.file);
    if (!member || segmentsBelow(member.dir, ctx.file)?.[0] !== 'tests') return [];
    const root = ctx.workspace.root;
    if (root && exempt(ctx.config.ruleOptions[ID]).has(relative(root, member.dir).split(sep).join('/'))) return [];
    const [prefix, ...others] = testPrefixes(member.kind, member.dirName);
    if ([prefix, ...others].some((p) => name.startsWith(p))) return [];
    const newName = prefix + name;
    const { fix, clash } = renameInPlace(ctx, newName);
    const alternatives = others.length > 0 ? ` (or ${others.map((p) => `\`${p}\``).join(', ')})` : '';
    return [
      {
        range: fileStartRange(ctx.index),
        message: `Test module \`${name}\` of \`${member.dirName}\` should start with \`${prefix}\`${alternatives} so its name is unique across the workspace: \`${newName}\`${clash}.`,
        fix,
      },
    ];
  },
};
