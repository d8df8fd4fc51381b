// "Pyguide: Test Rule Pattern", server side: the matches of a pattern in an open document, found in
// the tree the document keeps (no parse), with what each metavariable matched.
import { compileSearch, findIn } from '../custom/find';
import type { OpenDocuments } from '../engine/documents';
import type { TestPatternParams, TestPatternResult } from './protocol';

export function testPattern(documents: OpenDocuments, params: TestPatternParams | undefined): TestPatternResult {
  if (!params || typeof params.uri !== 'string' || typeof params.pattern !== 'string') return { ok: false, message: 'The command needs a document and a pattern.' };
  const doc = documents.get(params.uri);
  const parsed = doc && /\.pyi?$/.test(doc.path) ? documents.parsed(params.uri) : undefined;
  if (!doc || !parsed) return { ok: false, message: 'Open a Python file to test a pattern on.' };
  let search: ReturnType<typeof compileSearch>;
  try {
    search = compileSearch(parsed.tree.language, params.query ? { query: params.pattern } : { pattern: params.pattern });
  } catch (e) {
    return { ok: false, message: (e as Error).message, offset: (e as { offset?: number }).offset };
  }
  try {
    return { ok: true, matches: findIn(search, parsed.tree, doc.text) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  } finally {
    search.dispose();
  }
}
