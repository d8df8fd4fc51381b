// One parse per text of a pyproject.toml: the lint of an open pyproject.toml (engine/kindReaders.ts),
// the workspace models and the search for workspace roots all read the same texts, the edited one
// above all (its keystroke's lint and the next lint of a file depending on it both need it).
import { parseTomlDocument, type TomlDocument } from '../parsing/toml';

/** Each file's latest parse; a file being typed in replaces its own entry and evicts no other. */
const latest = new Map<string, { text: string; doc: TomlDocument }>();
/** Bounded, as the server lives long: more than a workspace has pyproject.toml files on the way to its roots, nearly always. */
const MAX_FILES = 256;

/** The parse of a pyproject.toml's text, shared: readers never change the document. */
export function parsePyproject(path: string, text: string): TomlDocument {
  const last = latest.get(path);
  if (last?.text === text) return last.doc;
  const doc = parseTomlDocument(text);
  latest.delete(path);
  if (latest.size >= MAX_FILES) latest.delete(latest.keys().next().value as string);
  latest.set(path, { text, doc });
  return doc;
}
