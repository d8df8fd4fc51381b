import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyTextEdits } from './textEdits';
import type { FileChange } from './types';

/**
 * Applies fix changes to files on disk. A change that would clobber something (create over an
 * existing file, rename onto one) or whose file has vanished is skipped and reported, never forced.
 */
export function applyChangesToDisk(changes: readonly FileChange[]): { applied: number; skipped: string[] } {
  let applied = 0;
  const skipped: string[] = [];
  for (const change of changes) {
    try {
      switch (change.type) {
        case 'edit': {
          const text = readFileSync(change.file, 'utf8');
          writeFileSync(change.file, applyTextEdits(text, change.edits).text);
          break;
        }
        case 'create':
          if (existsSync(change.file)) throw new Error('already exists');
          mkdirSync(dirname(change.file), { recursive: true });
          writeFileSync(change.file, change.content, { flag: 'wx' });
          break;
        case 'rename':
          if (existsSync(change.to)) throw new Error(`${change.to} already exists`);
          renameSync(change.from, change.to);
          break;
        case 'delete':
          rmSync(change.file);
          break;
      }
      applied++;
    } catch (e) {
      const target = change.type === 'rename' ? change.from : change.file;
      skipped.push(`${change.type} ${target}: ${(e as Error).message}`);
    }
  }
  return { applied, skipped };
}
