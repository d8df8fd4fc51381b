import type { PyprojectRule, RuleFinding } from '../../engine/types';
import { findKeyValue, keyValues, stringValue, tomlRange, type TomlAst, type TomlContent } from '../../parsing/toml';
import { sourceOf } from './_member';

const ID = 'ruff-suppression-policy';

// Ruff reads these under `[tool.ruff.lint]`, and (deprecated) directly under `[tool.ruff]`.
const SECTIONS = [
  ['tool', 'ruff', 'lint'],
  ['tool', 'ruff'],
] as const;

/** A flake8-bandit (security) code or prefix: `S`, `S1`, `S105`; not `SIM` or `SLF`. */
const SECURITY = /^S\d{0,3}$/;

/** The string elements of an array value. */
function strings(value: TomlContent | undefined): { code: string; node: TomlContent }[] {
  if (value?.type !== 'TOMLArray') return [];
  return value.elements.flatMap((node) => {
    const code = stringValue(node);
    return code === undefined ? [] : [{ code, node }];
  });
}

function arrayAt(ast: TomlAst, path: readonly string[]) {
  return strings(findKeyValue(ast, path)?.value);
}

/** Whether Ruff runs a code at all: `select`/`extend-select` names it, a prefix of it, or `ALL`. */
function selects(ast: TomlAst, code: string): boolean {
  return SECTIONS.some((section) =>
    ['select', 'extend-select'].some((key) => arrayAt(ast, [...section, key]).some(({ code: s }) => s === 'ALL' || code.startsWith(s))),
  );
}

export const ruffSuppressionPolicy: PyprojectRule = {
  id: ID,
  kind: 'pyproject',
  defaultSeverity: 'info',
  guideline: 'Code Quality & Linting › Error Suppression Policy',
  summary: 'a security (`S`) code ignored in the Ruff configuration instead of on the line',
  check(ctx) {
    const src = sourceOf(ctx);
    if (!src) return [];
    const findings: RuleFinding[] = [];
    for (const section of SECTIONS) {
      const table = section.join('.');
      for (const key of ['ignore', 'extend-ignore']) {
        for (const { code, node } of arrayAt(src.ast, [...section, key])) {
          if (!SECURITY.test(code) || !selects(src.ast, code)) continue;
          findings.push({
            range: tomlRange(node),
            message: `\`${code}\` is ignored for the whole project in \`[${table}].${key}\`: the guidelines want security findings suppressed on the line they are about, with the code and a reason (\`# noqa: ${code.length > 1 ? code : 'S105'} - why\`), so each one is looked at.`,
          });
        }
      }
      for (const key of ['per-file-ignores', 'extend-per-file-ignores']) {
        const prefix = [...section, key];
        for (const { path, node } of keyValues(src.ast)) {
          if (path.length !== prefix.length + 1 || !prefix.every((p, i) => path[i] === p)) continue;
          for (const { code, node: element } of strings(node.value)) {
            if (!SECURITY.test(code) || !selects(src.ast, code)) continue;
            findings.push({
              range: tomlRange(element),
              severity: 'warning',
              message: `\`${code}\` is ignored for \`${String(path.at(-1))}\` in \`[${table}.${key}]\`: the guidelines say never to use per-file-ignores for security (S) rules; suppress each finding on its line with a reason.`,
            });
          }
        }
      }
    }
    return findings;
  },
};
