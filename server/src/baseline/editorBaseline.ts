// The baseline in the editor: findings pyguide-baseline.json covers are shown at hint level (off
// the Problems panel, still a faint mark in the text), so the team sees what CI would fail on.
import type { Finding } from '../engine/types';
import type { FileSource } from '../workspace/files';
import { applyBaseline, BASELINE_FILE, baselinePath, parseBaseline, type BaselineCounts } from './baseline';

export class EditorBaseline {
  /** Per baseline file: the text last read and what it said, so an unchanged file is parsed once. */
  private readonly read = new Map<string, { text: string; counts: BaselineCounts | undefined }>();

  constructor(
    private readonly files: FileSource,
    private readonly rootOf: (file: string) => string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  private counts(root: string): BaselineCounts | undefined {
    const path = baselinePath(root);
    const result = this.files.read(path);
    if (!result.ok) {
      this.read.delete(path);
      return undefined;
    }
    const known = this.read.get(path);
    if (known?.text === result.text) return known.counts;
    const parsed = parseBaseline(result.text);
    if (!parsed.ok) this.warn(`${path}: ${parsed.error}; its findings are shown as if there were no baseline.`);
    const counts = parsed.ok ? parsed.counts : undefined;
    this.read.set(path, { text: result.text, counts });
    return counts;
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
