// The ELI5 commands' server side: where a concepts table or a new row goes, drawn by the same
// formatter the misaligned-box-table rule uses, at the width the project's tables use. The client
// asks the user for the concepts and applies the edit.
import { CodeAction, CodeActionKind, type Range } from 'vscode-languageserver';
import { checkFileTables } from '../docstrings/docstringTables';
import { commonLayout, DEFAULT_ELI5_LAYOUT, eli5LayoutsIn, eli5Table, planAddRow, planEli5Insertion, type Eli5Layout } from '../docstrings/eli5Insert';
import { TABLE_RULE, tableOptions } from '../docstrings/tableOptions';
import type { OpenDocuments } from '../engine/documents';
import type { WorkspaceView } from '../workspace/view';
import { ADD_ELI5_ROW_COMMAND, type Eli5AddRowParams, type Eli5EditResult, type Eli5InsertParams } from './protocol';

/** How many of the workspace's Python files are read, at most, to learn its tables' width. */
const LAYOUT_SAMPLE_FILES = 400;

const BAD_ARGUMENTS: Eli5EditResult = { ok: false, message: 'The command needs a document, its version and a position.' };
const STALE: Eli5EditResult = { ok: false, message: 'The file changed meanwhile; run the command again.' };

export class Eli5Commands {
  /** Each workspace's most common ELI5 table layout, once read. */
  private readonly layouts = new WeakMap<WorkspaceView, Eli5Layout | null>();

  constructor(private readonly documents: OpenDocuments) {}

  /**
   * The layout new tables get: `eli5-width` / `eli5-concept-column` of
   * `[tool.pyguide.rules.misaligned-box-table]`, else the layout most of this file's ELI5 tables use,
   * else the workspace's, else 76 / 21.
   */
  layoutFor(text: string, workspace: WorkspaceView, config: { ruleOptions: Record<string, Record<string, unknown>> }): Eli5Layout {
    const own = config.ruleOptions[TABLE_RULE] ?? {};
    const found = commonLayout(eli5LayoutsIn(text)) ?? this.workspaceLayout(workspace) ?? DEFAULT_ELI5_LAYOUT;
    const width = typeof own['eli5-width'] === 'number' && own['eli5-width'] >= 20 ? own['eli5-width'] : found.width;
    const concept = typeof own['eli5-concept-column'] === 'number' && own['eli5-concept-column'] >= 3 ? own['eli5-concept-column'] : found.conceptColumn;
    return { width, conceptColumn: concept };
  }

  private workspaceLayout(workspace: WorkspaceView): Eli5Layout | undefined {
    let layout = this.layouts.get(workspace);
    if (layout === undefined) {
      const found = [];
      for (const file of workspace.pythonFiles().slice(0, LAYOUT_SAMPLE_FILES)) found.push(...eli5LayoutsIn(workspace.readText(file) ?? ''));
      layout = commonLayout(found) ?? null;
      this.layouts.set(workspace, layout);
    }
    return layout ?? undefined;
  }

  insert(params: Eli5InsertParams | undefined): Eli5EditResult {
    if (!params || typeof params.uri !== 'string' || !params.position) return BAD_ARGUMENTS;
    const doc = this.documents.get(params.uri);
    if (!doc || doc.version !== params.version) return STALE;
    const parsed = doc.path.endsWith('.py') || doc.path.endsWith('.pyi') ? this.documents.parsed(params.uri) : undefined;
    if (!parsed) return { ok: false, message: 'ELI5 tables go in Python docstrings: open a Python file.' };
    const workspace = this.documents.session.workspaces.forFile(doc.path);
    const options = tableOptions(workspace.config, workspace);
    let lines: string[] | undefined;
    if (params.rows) {
      const table = eli5Table(params.rows, this.layoutFor(doc.text, workspace, workspace.config), options);
      if (!table.ok) return table;
      lines = table.lines;
    }
    return planEli5Insertion(parsed.tree, parsed.index, params.position, lines, params.place);
  }

  addRow(params: Eli5AddRowParams | undefined): Eli5EditResult {
    if (!params || typeof params.uri !== 'string' || !params.position) return BAD_ARGUMENTS;
    const doc = this.documents.get(params.uri);
    if (!doc || doc.version !== params.version) return STALE;
    const parsed = doc.path.endsWith('.py') ? this.documents.parsed(params.uri) : undefined;
    if (!parsed) return { ok: false, message: 'ELI5 tables go in Python docstrings: open a Python file.' };
    const workspace = this.documents.session.workspaces.forFile(doc.path);
    return planAddRow(parsed.tree, parsed.index, params.position, params.row, tableOptions(workspace.config, workspace));
  }

  /** "Add ELI5 row…" where the cursor is in a two-column table of a docstring. */
  rowActions(uri: string, range: Range): CodeAction[] {
    const doc = this.documents.get(uri);
    if (!doc?.path.endsWith('.py')) return [];
    const parsed = this.documents.parsed(uri);
    if (!parsed) return [];
    const workspace = this.documents.session.workspaces.forFile(doc.path);
    const inTable = checkFileTables(parsed.tree, parsed.index, tableOptions(workspace.config, workspace)).some(
      (c) => c.table.columns === 2 && c.table.hasBottom && c.site.line <= range.start.line && range.start.line < c.site.line + c.site.lines.length,
    );
    if (!inTable) return [];
    const title = 'Add ELI5 row…';
    return [CodeAction.create(title, { title, command: ADD_ELI5_ROW_COMMAND, arguments: [{ uri, position: range.start }] }, CodeActionKind.RefactorRewrite)];
  }
}
