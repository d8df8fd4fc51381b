// The CLI's sweep through the result cache: files whose cached findings still hold are not linted.
import type { LintSession } from '../engine/session';
import type { Finding } from '../engine/types';
import { sweepFiles, type SweepOptions } from '../sweep';
import type { FileRecord, ResultCache } from './resultCache';

/** Findings of `files` in file order: cached where valid, the rest linted (and cached), then the cache written. */
export async function sweepWithCache(session: LintSession, files: string[], cache: ResultCache | undefined, options: SweepOptions): Promise<Finding[][]> {
  if (!cache) return sweepFiles(session, files, options);
  const results: Finding[][] = new Array(files.length);
  const misses: number[] = [];
  files.forEach((file, i) => {
    const cached = cache.lookup(session, file);
    if (cached) results[i] = cached;
    else misses.push(i);
  });
  const records = new Map<string, FileRecord>();
  const linted = await sweepFiles(
    session,
    misses.map((i) => files[i]),
    {
      ...options,
      onRecord: (file, record) => {
        records.set(file, record);
        options.onRecord?.(file, record);
      },
    },
  );
  misses.forEach((fileIndex, k) => {
    const file = files[fileIndex];
    results[fileIndex] = linted[k];
    const record = records.get(file);
    if (record) cache.store(session, file, record, linted[k]);
  });
  cache.save();
  return results;
}
