// The baseline in the editor: findings pyguide-baseline.json covers are shown at hint level (off
// the Problems panel, still a faint mark in the text), so the team sees what CI would fail on.
import type { Finding } from '../engine/types';
import type { FileSource } from '../workspace/files';
import { applyBaseline, BASELINE_FILE, baselinePath, parseBaseline, type BaselineCounts } from './baseline';

/** How long what a baseline file says is trusted before it is read again (a watcher's event forgets it at once). */
const RECHECK_MS = 1000;

export class EditorBaseline {
  /**
   * Per baseline file: the text last read (undefined: no such file) and what it said, so an
   * unchanged file is parsed once, and when it was read, so a keystroke's publish does not go to
   * the disk each time.
   */
  private readonly read = new Map<string, { text: string | undefined; counts: BaselineCounts | undefined; readAt: number }>();

  constructor(
    private readonly files: FileSource,
    private readonly rootOf: (file: string) => string | undefined,
    private readonly warn: (message: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private counts(root: string): BaselineCounts | undefined {
    const path = baselinePath(root);
    const known = this.read.get(path);
    const now = this.now();
    if (known && now - known.readAt < RECHECK_MS) return known.counts;
    const result = this.files.read(path);
    const text = result.ok ? result.text : undefined;
    if (known && known.text === text) {
      known.readAt = now;
      return known.counts;
    }
    const parsed = text === undefined ? undefined : parseBaseline(text);
    if (parsed && !parsed.ok) this.warn(`${path}: ${parsed.error}; its findings are shown as if there were no baseline.`);
    const counts = parsed?.ok ? parsed.counts : undefined;
    this.read.set(path, { text, counts, readAt: now });
    return counts;
  }

  /** A baseline file changed on disk (a watcher said so): read them all again at their next use (they are few). */
  changed(): void {
    this.read.clear();
  }

  /** One file's findings, those the baseline covers lowered to hint and marked as baselined. */
  apply(file: string, findings: readonly Finding[]): readonly Finding[] {
    if (findings.length === 0) return findings;
    const root = this.rootOf(file);
    const counts = root === undefined ? undefined : this.counts(root);
    if (!root || !counts) return findings;
    const baselined = new Set(applyBaseline(root, counts, findings).baselined);
    if (baselined.size === 0) return findings;
    return findings.map((f) => (baselined.has(f) ? { ...f, severity: 'hint' as const, message: `${f.message} (baselined in ${BASELINE_FILE})` } : f));
  }

  /** Whether a changed file is a baseline (every open and swept file may then show differently). */
  static isBaseline(path: string): boolean {
    return path.endsWith(`/${BASELINE_FILE}`) || path.endsWith(`\\${BASELINE_FILE}`);
  }
}
