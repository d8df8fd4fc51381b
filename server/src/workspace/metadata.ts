// The `[project]` facts of one pyproject.toml, with where each is written.
import type { Requirement } from 'pip-requirements-js';
import { findKeyValue, stringValue, tomlRange, type TomlContent, type TomlDocument } from '../parsing/toml';
import type { Dependency, LocatedString, ProjectMetadata } from './view';

/** A project name as PEP 503 compares them: lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

type ParsedRequirement = Omit<Dependency, 'value' | 'range'>;

let requirementParser: typeof import('pip-requirements-js') | undefined;

/**
 * Loads pip-requirements-js, on the first requirement parsed: it builds its PEG grammar when loaded
 * (tens of ms). It gives its objects their own `toString`, which frozen prototypes allow only
 * because base/harden.ts keeps that property overridable.
 */
function loadRequirementParser(): typeof import('pip-requirements-js') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  requirementParser ??= require('pip-requirements-js') as typeof import('pip-requirements-js');
  return requirementParser;
}

function parsePipRequirementsLine(line: string): Requirement | null {
  return loadRequirementParser().parsePipRequirementsLine(line);
}

function parseRequirement(value: string): ParsedRequirement {
  const base = { extras: [], specifiers: [] };
  let parsed: Requirement | null;
  try {
    parsed = parsePipRequirementsLine(value);
  } catch (e) {
    // The library's message names the column; keep its first line.
    return { ...base, name: undefined, error: String((e as Error).message ?? e).split('\n')[0] };
  }
  if (!parsed || (parsed.type !== 'ProjectName' && parsed.type !== 'ProjectURL')) {
    return { ...base, name: undefined, error: 'not a PEP 508 requirement' };
  }
  return {
    name: normalizeName(parsed.name),
    extras: parsed.extras ?? [],
    specifiers: parsed.type === 'ProjectName' ? (parsed.versionSpec ?? []).map((s) => ({ operator: s.operator, version: s.version })) : [],
  };
}

/**
 * Requirement strings parsed so far. The parser is a PEG interpreter, slow next to everything else
 * per file, and a monorepo repeats the same few requirements in every member; bounded, as the
 * server lives long.
 */
const parsedRequirements = new Map<string, ParsedRequirement>();
const MAX_PARSED_REQUIREMENTS = 10_000;

/** The requirement strings parsed so far, to hand to another thread. */
export type ParsedRequirements = [string, ParsedRequirement][];

export function knownRequirements(): ParsedRequirements {
  return [...parsedRequirements];
}

/** Takes requirement strings another thread parsed, so this one does not parse them again. */
export function learnRequirements(parsed: ParsedRequirements): void {
  for (const [value, requirement] of parsed) if (parsedRequirements.size < MAX_PARSED_REQUIREMENTS) parsedRequirements.set(value, requirement);
}

/** A PEP 508 requirement string, parsed; `range` is where it is written. */
export function parseDependency(value: string, range: Dependency['range']): Dependency {
  let parsed = parsedRequirements.get(value);
  if (!parsed) {
    if (parsedRequirements.size >= MAX_PARSED_REQUIREMENTS) parsedRequirements.clear();
    parsed = parseRequirement(value);
    parsedRequirements.set(value, parsed);
  }
  // Copies, so no caller can change what the next one gets.
  return { value, range, ...parsed, extras: [...parsed.extras], specifiers: parsed.specifiers.map((s) => ({ ...s })) };
}

function located(node: TomlContent | undefined): LocatedString | undefined {
  const value = stringValue(node);
  return node && value !== undefined ? { value, range: tomlRange(node) } : undefined;
}

export function projectMetadata(doc: TomlDocument | undefined): ProjectMetadata | undefined {
  if (!doc?.ok) return undefined;
  const project = doc.value.project;
  const hasProject = !!project && typeof project === 'object' && !Array.isArray(project);
  const dynamicValue = hasProject ? (project as Record<string, unknown>).dynamic : undefined;
  const deps = findKeyValue(doc.ast, ['project', 'dependencies'])?.value;
  let dependencies: Dependency[] | undefined;
  // Parsed when first asked for: most readers want the name or the version only.
  const parseDependencies = (): Dependency[] => {
    const out: Dependency[] = [];
    if (deps?.type === 'TOMLArray') {
      for (const element of deps.elements) {
        const value = stringValue(element);
        if (value !== undefined) out.push(parseDependency(value, tomlRange(element)));
      }
    }
    return out;
  };
  return {
    hasProject,
    name: located(findKeyValue(doc.ast, ['project', 'name'])?.value),
    version: located(findKeyValue(doc.ast, ['project', 'version'])?.value),
    dynamic: Array.isArray(dynamicValue) ? dynamicValue.filter((d): d is string => typeof d === 'string') : [],
    get dependencies() {
      dependencies ??= parseDependencies();
      return dependencies;
    },
  };
}
