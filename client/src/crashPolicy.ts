// When the language server dies: restart it quietly, tell the user once if it keeps dying, and
// give up (with a way to restart by hand) when it dies too often. Pure, so it is unit-tested.

export interface CrashPolicyOptions {
  /** Crashes are counted over this sliding window. */
  windowMs: number;
  /** From this many crashes in the window on, the user is told (once per window). */
  warnAfter: number;
  /** At this many crashes in the window, the server is left stopped. */
  giveUpAfter: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = { windowMs: 3 * 60_000, warnAfter: 3, giveUpAfter: 5 };

export type CrashDecision =
  | { restart: true; notify?: { crashes: number; minutes: number } }
  | { restart: false; notify: { crashes: number; minutes: number } };

export class CrashPolicy {
  private crashes: number[] = [];
  private warnedAt: number | undefined;

  constructor(
    private readonly options: CrashPolicyOptions = DEFAULT_CRASH_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash and says what to do about it. */
  crashed(): CrashDecision {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t < this.options.windowMs), now];
    const notify = { crashes: this.crashes.length, minutes: Math.round(this.options.windowMs / 60_000) };
    if (this.crashes.length >= this.options.giveUpAfter) return { restart: false, notify };
    if (this.crashes.length >= this.options.warnAfter && (this.warnedAt === undefined || now - this.warnedAt >= this.options.windowMs)) {
      this.warnedAt = now;
      return { restart: true, notify };
    }
    return { restart: true };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes = [];
    this.warnedAt = undefined;
  }
}
