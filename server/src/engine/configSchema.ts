// What `[tool.pyguide]` may hold, as data: every key, its type and the check of its value. Rules
// declare their own `[tool.pyguide.rules.<id>]` options (Rule.options) and are looked up here.
import { validRange } from '@renovatebot/pep440';
import { suggestion, type Check, type Schema } from './schema';
import { SEVERITIES } from '../base/severity';
import { regexProblem } from '../custom/regex';

/** What the schema needs to know of the rules: their ids and the options each declares. */
export interface RuleCatalog {
  ids: readonly string[];
  /** The schema of `[tool.pyguide.rules.<id>]`. */
  options(id: string): Schema;
  /** Ids among `ids` that are the project's team rules (`[tool.pyguide.custom-rules]`). */
  custom?: ReadonlySet<string>;
}

/** A team rule's id: kebab-case, as built-in ids are. */
export const TEAM_RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const SEVERITY_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

/** The pseudo-rule reporting problems of the configuration itself: always on, at error. */
export const INVALID_CONFIG = 'invalid-config';
/** What the engine reports about its own work, not a rule's finding: a file it could not lint, or linted in part. */
export const UNREADABLE_FILE = 'unreadable-file';
export const PARTIALLY_CHECKED_FILE = 'partially-checked-file';
/** `ignore` and `severity` may name them like rules; `select`, which picks rules, never turns them off. */
export const ENGINE_REPORTS: readonly string[] = [UNREADABLE_FILE, PARTIALLY_CHECKED_FILE];

const NAMES_NEVER_READ = new Set(['__proto__', 'constructor', 'prototype']);

/** A path setting: relative, and never leading out of the directory it is relative to. */
export function staysInside(value: string): string | undefined {
  if (value.trim() === '') return 'must not be empty';
  if (/[\0\r\n]/.test(value)) return `${JSON.stringify(value)} holds a control character`;
  if (/^[\\/~]/.test(value) || /^[A-Za-z]:/.test(value)) return `"${value}" is an absolute path; paths here are relative and stay inside the workspace`;
  if (value.split(/[\\/]/).includes('..')) return `"${value}" leads out of the workspace (".."); paths here stay inside it`;
  return undefined;
}

const memberGlob: Check = (value) => {
  const outside = staysInside(value);
  if (outside) return outside;
  const segments = value.split('/');
  if (segments.length !== 2 || segments[1] !== '*' || segments[0] === '' || segments[0] === '.' || /[*?[\]]/.test(segments[0])) {
    return `must look like "<dir>/*" (one directory, then *), not "${value}"`;
  }
  return undefined;
};

const nameTemplate: Check = (value) =>
  /^[A-Za-z0-9._-]*(\{name\}[A-Za-z0-9._-]*)*$/.test(value) && value !== '' ? undefined : `"${value}" is not a package name template (letters, digits, ".", "_", "-" and {name})`;

/** .gitignore-style patterns as `ignore` reads them; the ones that can never match anything are mistakes. */
const excludePattern: Check = (value) => {
  if (value.trim() === '') return 'an empty pattern matches nothing';
  if (/[\r\n]/.test(value)) return `${JSON.stringify(value)} holds a line break; write one pattern per entry`;
  if (value.startsWith('#')) return `"${value}" is a comment in .gitignore syntax and matches nothing (write "\\#" for a leading #)`;
  if (/(^|[^\\])(\\\\)*\\$/.test(value)) return `"${value}" ends in a lone backslash, which .gitignore syntax does not allow`;
  if (value.split('/').includes('..')) return `"${value}" uses "..": patterns are relative to the workspace root and never match outside it`;
  for (const [, from, to] of value.matchAll(/\[!?([^\]\\])-([^\]\\])\]/g)) if (from > to) return `"${value}" has the range [${from}-${to}], which is backwards`;
  if (/\[(?![^\]]*\])/.test(value.replace(/\\./g, ''))) return `"${value}" has a "[" without its "]"`;
  return undefined;
};

const versionSpecifier: Check = (value) => (value.trim() !== '' && validRange(value) ? undefined : `"${value}" is not a PEP 440 version specifier such as ">=3.10"`);

const nonEmpty: Check = (value) => (value.trim() === '' ? 'must not be empty' : undefined);

const string = (check?: Check): Schema => ({ type: 'string', check });
const strings = (check?: Check): Schema => ({ type: 'array', items: string(check) });
const boolean: Schema = { type: 'boolean' };

const member: Schema = {
  type: 'table',
  required: ['kind', 'path'],
  keys: {
    kind: string(nonEmpty),
    path: string(memberGlob),
    name: string(nameTemplate),
    publishable: boolean,
    namespace: boolean,
    'required-files': strings(staysInside),
    'source-dir': { type: 'string', check: (v) => (v === '.' ? undefined : staysInside(v)) },
    'version-sync': boolean,
    'test-prefix': { type: 'anyOf', of: [string(nameTemplate), strings(nameTemplate)] },
  },
};

const fileGlob: Check = (value) => (/[\r\n]/.test(value) ? `${JSON.stringify(value)} holds a line break; write one pattern per entry` : staysInside(value.replace(/^!/, '')));

/** `[tool.pyguide.custom-rules.<id>]`: a team rule, as data (custom/compile.ts makes it a rule). */
const teamRule: Schema = {
  type: 'table',
  required: ['message'],
  keys: {
    message: string(nonEmpty),
    severity: { type: 'string', oneOf: SEVERITIES },
    files: strings(fileGlob),
    docs: string((v) => (/^https?:\/\/\S+$/.test(v) ? undefined : staysInside(v))),
    pattern: string(nonEmpty),
    query: string(nonEmpty),
    where: {
      type: 'map',
      key: (name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? undefined : `"${name}" is not a metavariable or capture name`),
      values: () => ({ type: 'table', keys: { regex: string(regexProblem), 'not-regex': string(regexProblem) } }),
    },
    fix: { type: 'string' },
    'fix-safe': boolean,
  },
};

/** The `[tool.pyguide]` schema for a set of rules and presets. */
export function pyguideSchema(catalog: RuleCatalog, presets: readonly string[]): Extract<Schema, { type: 'table' }> {
  const ruleIdProblem: Check = (id) => {
    if (id === INVALID_CONFIG) return `"${id}" cannot be configured: problems in the configuration are always reported`;
    if (catalog.ids.includes(id) || ENGINE_REPORTS.includes(id)) return undefined;
    return NAMES_NEVER_READ.has(id) ? `"${id}" is not a rule id` : `unknown rule id "${id}"${suggestion(id, catalog.ids)}`;
  };
  const ruleId: Schema = { type: 'string', check: ruleIdProblem };
  const teamRuleId: Check = (id) => {
    if (!TEAM_RULE_ID.test(id)) return `"${id}" is not a rule id: team rule ids are kebab-case, like "sample-entry-point"`;
    if (id === INVALID_CONFIG || (catalog.ids.includes(id) && !catalog.custom?.has(id))) return `"${id}" is a built-in rule's id; give the team rule its own`;
    return undefined;
  };
  return {
    type: 'table',
    keys: {
      preset: { type: 'string', oneOf: presets },
      select: { type: 'array', items: ruleId, wholeOrNothing: true, nonEmpty: "it would turn every rule off; leave `select` out to run the preset's rules" },
      ignore: { type: 'array', items: ruleId },
      severity: { type: 'map', key: ruleIdProblem, values: () => ({ type: 'string', oneOf: SEVERITY_SETTINGS }) },
      exclude: strings(excludePattern),
      'max-file-size': { type: 'integer', min: 1, hint: 'it counts bytes, e.g. 10000000' },
      'requires-python': { type: 'string', check: versionSpecifier, hint: 'write it as a quoted specifier, e.g. ">=3.10"' },
      classifiers: strings(nonEmpty),
      license: {
        type: 'table',
        keys: { holder: string(nonEmpty), style: { type: 'string', oneOf: ['full', 'spdx'] }, spdx: string(nonEmpty) },
      },
      layout: {
        type: 'table',
        keys: {
          core: string(staysInside),
          'namespace-dirs': strings(staysInside),
          members: { type: 'array', items: member },
        },
      },
      rules: { type: 'map', key: ruleIdProblem, values: (id) => catalog.options(id) },
      'custom-rules': { type: 'map', key: teamRuleId, values: () => teamRule },
    },
  };
}
