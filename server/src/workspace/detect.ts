// Which Genkit layout a uv workspace without `[tool.pyguide]` is in, read from its members: the
// workspace is Genkit's when one member is the `genkit` package; its plugins then say which preset.
import { join } from 'node:path';
import { globToRegExp } from '../engine/glob';
import type { PresetId } from '../engine/presets';
import { listDirs } from './dirs';
import { nodeAt, type TomlNode, type TomlTableNode } from '../parsing/tomlTree';

/** More member directories than this and the workspace is not looked through (bounded work). */
const MAX_MEMBERS = 2000;

function strings(node: TomlNode | undefined): string[] {
  return node?.kind === 'array' ? node.items.flatMap((i) => (i.kind === 'string' ? [i.value as string] : [])) : [];
}

/** The member directories (relative, `/`-separated) that `[tool.uv.workspace]` members and exclude name. */
export function workspaceMembers(root: string, rootTree: TomlTableNode): string[] {
  const workspace = nodeAt(rootTree, 'tool', 'uv', 'workspace');
  const excluded = strings(nodeAt(rootTree, 'tool', 'uv', 'workspace', 'exclude')).map((g) => g.split('/').map(globToRegExp));
  const isExcluded = (rel: string) => excluded.some((p) => {
    const parts = rel.split('/');
    return parts.length === p.length && p.every((re, i) => re.test(parts[i]));
  });
  const found = new Set<string>();
  for (const glob of strings(workspace?.kind === 'table' ? workspace.entries.get('members') : undefined)) {
    const segments = glob.split('/').filter((s) => s !== '' && s !== '.');
    // uv members stay inside the workspace; a member glob that leaves it is not followed.
    if (segments.includes('..') || glob.startsWith('/')) continue;
    let level = [''];
    for (const segment of segments) {
      const next: string[] = [];
      const literal = !/[*?[]/.test(segment);
      for (const base of level) {
        if (literal) next.push(base ? `${base}/${segment}` : segment);
        else {
          const re = globToRegExp(segment);
          for (const name of listDirs(join(root, base))) if (re.test(name)) next.push(base ? `${base}/${name}` : name);
        }
      }
      level = next.slice(0, MAX_MEMBERS);
    }
    for (const rel of level) if (rel && !isExcluded(rel)) found.add(rel);
    if (found.size >= MAX_MEMBERS) break;
  }
  return [...found].sort();
}

export interface GenkitLayout {
  preset: Extract<PresetId, 'genkit' | 'genkit-plugins'>;
  /** The core package's directory, relative to the root. */
  core: string;
}

/**
 * The Genkit preset matching a uv workspace, or undefined when no member is the `genkit` package.
 * Plugins in `plugins/<dir>` or named `genkit-plugin-<x>` are the guidelines' layout; members named
 * `genkit-<x>` beside the core are the current one.
 */
export function detectGenkitLayout(members: readonly string[], nameOf: (memberDir: string) => string | undefined): GenkitLayout | undefined {
  const named = members.map((dir) => ({ dir, name: nameOf(dir) }));
  const core = named.find((m) => m.name === 'genkit');
  if (!core) return undefined;
  const guidelines = named.some((m) => m.dir.startsWith('plugins/') || m.name?.startsWith('genkit-plugin-'));
  const current = named.some((m) => m !== core && m.name?.startsWith('genkit-'));
  return { preset: current && !guidelines ? 'genkit' : 'genkit-plugins', core: core.dir };
}
