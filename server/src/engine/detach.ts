import { detached } from '../base/strings';
import type { FileChange, Fix, RuleFinding } from './types';

function detachChange(c: FileChange): FileChange {
  switch (c.type) {
    case 'edit':
      return { ...c, edits: c.edits.map((e) => ({ range: e.range, newText: detached(e.newText) })) };
    case 'create':
      return { ...c, content: detached(c.content) };
    default:
      return c;
  }
}

function detachFix(fix: Fix): Fix {
  return { ...fix, title: detached(fix.title), changes: fix.changes.map(detachChange) };
}

/**
 * A finding whose strings share no memory with the document it was computed from (messages built
 * from a name's `node.text`, fix text cut from the source): what the engine keeps across edits.
 */
export function detachedFinding<F extends RuleFinding>(f: F): F {
  return {
    ...f,
    message: detached(f.message),
    ...(f.fix && { fix: detachFix(f.fix) }),
    ...(f.deferredFix && { deferredFix: { ...f.deferredFix, title: detached(f.deferredFix.title) } }),
    ...(f.related && { related: f.related.map((r) => ({ ...r, message: detached(r.message) })) }),
  };
}
