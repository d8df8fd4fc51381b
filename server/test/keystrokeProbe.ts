// What the keystroke tests watch on one open document: the matches each rule's live checks are
// handed, the facts each rule looked at (FactFindings.looked), and its live findings beside a
// fresh lint's.
import type { OpenDocuments } from '../src/engine/documents';
import type { LintSession } from '../src/engine/session';
import type { Finding, PythonRule } from '../src/engine/types';

export interface KeystrokeProbe {
  /** Per rule, the text of every match each live check was handed, one list per check. */
  runs: Map<string, string[][]>;
  /** The rules' findings (fixes computed) from the open document's incremental path. */
  live(): Finding[];
  /** The rules' findings from a fresh lint of the document's text (not recorded in `runs`). */
  fresh(): Finding[];
  /** What each rule's latest check looked at. */
  looked(): Record<string, { fresh: number; kept: number } | undefined>;
  /** Puts the rules' own `check` back. */
  restore(): void;
}

/** Watches `rules` on the document `uri` (at `path`) of `store`. */
export function keystrokeProbe(session: LintSession, store: OpenDocuments, uri: string, path: string, rules: readonly PythonRule[]): KeystrokeProbe {
  const ids = rules.map((r) => r.id);
  const runs = new Map<string, string[][]>(ids.map((id) => [id, []]));
  let recording = true;
  const restore: Array<() => void> = [];
  for (const rule of rules) {
    const check = rule.check;
    rule.check = (ctx) => {
      if (recording) runs.get(rule.id)!.push(ctx.matches.map((m) => ctx.text.slice(m.start, m.end)));
      return check.call(rule, ctx);
    };
    restore.push(() => (rule.check = check));
  }
  return {
    runs,
    live: () => store.withFixes(uri, store.lint(uri)!.findings).filter((f) => ids.includes(f.rule)),
    fresh: () => {
      recording = false;
      try {
        return session.lintText(path, store.get(uri)!.text).filter((f) => ids.includes(f.rule));
      } finally {
        recording = true;
      }
    },
    looked: () => Object.fromEntries(ids.map((id) => [id, store.parsed(uri)!.factFindings.looked.get(id)])),
    restore: () => {
      for (const r of restore) r();
    },
  };
}
