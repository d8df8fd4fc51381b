// Shell-style globs as Ruff's ignore-names and uv's workspace members write them: `*` any run of
// characters, `?` one character, `[abc]`/`[!abc]` a set.
import type { ResolvedConfig } from './config';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The glob as a regular expression, or undefined when a set in it is no set (`[z-a]`). */
function compile(glob: string): RegExp | undefined {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const close = c === '[' ? glob.indexOf(']', i + 2) : -1;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (close > 0) {
      const set = glob.slice(i + 1, close).replace(/[\\\]^]/g, '\\$&');
      source += set.startsWith('!') ? `[^${set.slice(1)}]` : `[${set}]`;
      i = close;
    } else source += escape(c);
  }
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    return undefined;
  }
}

/** The glob as a regular expression; a glob with a broken set matches only itself. */
export function globToRegExp(glob: string): RegExp {
  return compile(glob) ?? new RegExp(`^${escape(glob)}$`, 'u');
}

/** Why a glob is no glob, for the configuration's problems; undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob === '') return 'an empty pattern matches nothing';
  return compile(glob) ? undefined : `"${glob}" is not a valid pattern (a set such as [z-a] is backwards)`;
}

/** Compiled option globs per rule options table (a configuration's tables are replaced, never edited). */
const optionGlobsCache = new WeakMap<object, Map<string, RegExp[]>>();

/** A rule option holding globs (`[tool.pyguide.rules.<id>] <key> = [...]`) as patterns; non-strings are skipped. */
export function optionGlobs(config: ResolvedConfig, ruleId: string, key: string): RegExp[] {
  const options = config.ruleOptions[ruleId];
  if (!options) return [];
  let byKey = optionGlobsCache.get(options);
  if (!byKey) optionGlobsCache.set(options, (byKey = new Map()));
  let patterns = byKey.get(key);
  if (!patterns) {
    const value = options[key];
    const globs = Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
    byKey.set(key, (patterns = globs.map(globToRegExp)));
  }
  return patterns;
}
