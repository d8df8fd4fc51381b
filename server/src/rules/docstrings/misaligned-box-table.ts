import { BOX_START_CHARACTER } from '../../docstrings/boxTable';
import { checkDocstringTables } from '../../docstrings/docstringTables';
import { DOCSTRING_QUERY, docstringAt, type Docstring } from '../../docstrings/docstrings';
import { TABLE_RULE, tableOptions } from '../../docstrings/tableOptions';
import type { PythonRule, RuleFinding } from '../../engine/types';

export const REALIGN_TITLE = 'Re-align table';

/**
 * The docstring query, narrowed to strings that may hold a box table: most strings hold no box
 * character, and the query's predicate tests each once, when it is collected, not every keystroke.
 */
const BOX_DOCSTRING_QUERY = `(${DOCSTRING_QUERY} (#match? @docstring ${JSON.stringify(BOX_START_CHARACTER.source)}))`;

export const misalignedBoxTable: PythonRule = {
  id: TABLE_RULE,
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Docstrings › ELI5 (Explain Like I\'m 5)',
  summary: 'a box-drawn table in a docstring whose rows, borders or padding are off its grid',
  options: {
    'line-length': { type: 'integer', min: 1 },
    'ambiguous-width': { type: 'integer', min: 1, max: 2 },
    // The layout "Insert ELI5 Concepts Table" draws new tables with (default: learned from the project's tables).
    'eli5-width': { type: 'integer', min: 20 },
    'eli5-concept-column': { type: 'integer', min: 3 },
  },
  // Module scope: whether a string is the module's docstring depends on the statements before it.
  reads: { query: BOX_DOCSTRING_QUERY, scope: 'module' },
  check(ctx) {
    const findings: RuleFinding[] = [];
    const docs = ctx.matches
      .map((m) => docstringAt(m.captures.docstring[0]))
      .filter((d): d is Docstring => d !== undefined);
    // Most modules have no box table: their options (Ruff's line length) are not looked up.
    if (docs.length === 0) return findings;
    for (const check of checkDocstringTables(docs, ctx.index, tableOptions(ctx.config, ctx.workspace))) {
      if (!check.message) continue;
      const { line, lines } = check.site;
      findings.push({
        range: { start: { line, character: lines[0].length - lines[0].trimStart().length }, end: { line, character: lines[0].length } },
        message: check.message,
        fix: check.edits && { title: REALIGN_TITLE, safe: true, changes: [{ type: 'edit', file: ctx.file, edits: check.edits }] },
      });
    }
    return findings;
  },
};
