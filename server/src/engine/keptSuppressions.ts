// An open document's suppressions, kept across keystrokes: a keystroke that moves and changes no
// directive comment reuses them, and one that re-queried a statement reads only its new comments.
import { mergeInFactOrder, type Fact } from '../parsing/syntaxPlan';
import { mayDirect, Suppressions, type CommentInfo } from './suppression';
import type { Rule } from './types';

/** What the document's facts say about the latest sync (SyntaxSource's `generation` and `added`). */
export interface CommentFacts {
  /** The comment channel's facts now. */
  list: readonly Fact[];
  generation: { readonly now: number; readonly before: number };
  /** The comment facts the latest changing sync inserted; undefined when it collected them all. */
  added: readonly Fact[] | undefined;
}

/** Whether only spaces, tabs and form feeds stand between the line start and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 12) return false;
  }
  return true;
}

const directs = (f: Fact) => mayDirect(f.text ?? '');

/** Whether the facts stand as the comments read before (no allocation: most keystrokes move none of them). */
function standAs(facts: readonly Fact[], comments: readonly CommentInfo[], text: string): boolean {
  if (facts.length !== comments.length) return false;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    const c = comments[i];
    if (f.startRow !== c.line || (f.text ?? '') !== c.text || startsLine(text, f.start) !== c.ownLine) return false;
  }
  return true;
}

/**
 * One document's suppressions. The comment facts that may direct one are kept as facts (they move
 * with edits in place, and a fact an edit or a sync replaced is marked gone with `end` -1), so a sync
 * that inserted some comments costs a look at those only; the `Suppressions` are built again only
 * when a directive comment's line, text or standing alone on its line changed.
 */
export class KeptSuppressions {
  private list: readonly Fact[] | undefined;
  private generation = -1;
  private directing: readonly Fact[] = [];
  private comments: CommentInfo[] = [];
  private rules: readonly Rule[] | undefined;
  private suppressions: Suppressions | undefined;
  /** How many times the comment list was read whole, and the suppressions built: for tests. */
  readonly stats = { fullReads: 0, builds: 0 };

  of(facts: CommentFacts, text: string, rules: readonly Rule[]): Suppressions {
    if (facts.list !== this.list) {
      // The same list is the same fact objects (a sync that changes a list makes a new array).
      const { added } = facts;
      if (this.list && added && facts.generation.before === this.generation) {
        const fresh = added.filter(directs);
        const kept = this.directing.filter((f) => f.end >= 0);
        this.directing = mergeInFactOrder(kept, fresh, (f) => f);
      } else {
        this.stats.fullReads++;
        this.directing = facts.list.filter(directs);
      }
      this.list = facts.list;
    }
    this.generation = facts.generation.now;
    if (!this.suppressions || rules !== this.rules || !standAs(this.directing, this.comments, text)) {
      this.stats.builds++;
      const comments = this.directing.map((f) => ({ line: f.startRow, text: f.text ?? '', ownLine: startsLine(text, f.start) }));
      this.suppressions = new Suppressions(comments, rules);
      this.comments = comments;
      this.rules = rules;
    }
    return this.suppressions;
  }
}
