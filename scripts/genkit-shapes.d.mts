// Types for scripts/genkit-shapes.mjs, so TypeScript tests can use the generator.
export interface Random {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}
export function prng(seed: number): Random;
export const LICENSE_HEADER: string;
export function genModule(seed: number, lines: number, options?: { test?: boolean; noise?: boolean; header?: boolean; lazyImports?: boolean }): string;
export function genWorkspace(dir: string, options?: { files?: number; lines?: number; seed?: number }): string[];
