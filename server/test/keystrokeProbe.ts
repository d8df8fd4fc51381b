// What the keystroke tests watch on one open document: the matches each rule's live checks are
// handed, the facts each rule looked at (FactFindings.looked), and its live findings beside a
// fresh lint's.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenDocuments } from '../src/engine/documents';
import { LintSession } from '../src/engine/session';
import type { Finding, PythonRule } from '../src/engine/types';
import { DiskFiles } from '../src/workspace/files';
import { makeTree } from './tempTree';

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

/** A module opened in a fresh store and watched for some rules (see probedModule). */
export interface ProbedModule extends KeystrokeProbe {
  store: OpenDocuments;
  uri: string;
  /** Replaces the text from (line, character) to (endLine, endCharacter) with `text`, as the next version. */
  edit(line: number, character: number, endLine: number, endCharacter: number, text: string): void;
  /** Puts the rules' own `check` back and removes the workspace. */
  dispose(): void;
}

/** `text` as src/mod.py of a workspace on the genkit-plugins preset (every rule on), open in a fresh store, `rules` watched. */
export async function probedModule(text: string, rules: readonly PythonRule[], prefix: string): Promise<ProbedModule> {
  const root = makeTree({ 'pyproject.toml': '[tool.pyguide]\npreset = "genkit-plugins"\n', 'src/mod.py': text }, prefix);
  const session = await LintSession.create(new DiskFiles());
  const store = new OpenDocuments(session);
  const path = join(root, 'src', 'mod.py');
  const uri = pathToFileURL(path).toString();
  const probe = keystrokeProbe(session, store, uri, path, rules);
  store.open(uri, path, 'python', 1, text);
  let version = 1;
  return {
    ...probe,
    store,
    uri,
    edit: (line, character, endLine, endCharacter, inserted) => void store.edit(uri, ++version, [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: inserted }]),
    dispose: () => {
      probe.restore();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
