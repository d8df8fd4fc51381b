import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds a wasm file shipped with pyguide. Bundles carry it beside them; test bundles and the
 * source tree find it in a parent folder, `grammars/` or web-tree-sitter's package.
 */
export function locateAsset(name: string, from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, name), join(dir, 'grammars', name), join(dir, 'node_modules', 'web-tree-sitter', name)]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(`pyguide: cannot find ${name} beside ${from} or in any parent folder`);
}
