// Document and range formatting: the box tables of a Python document's docstrings re-aligned,
// nothing else (see docs/rules/misaligned-box-table.md). The same engine makes the rule's fix.
import type { Range, TextEdit } from 'vscode-languageserver';
import { checkFileTables, formattingEdits } from '../docstrings/docstringTables';
import { tableOptions } from '../docstrings/tableOptions';
import type { OpenDocuments } from '../engine/documents';
import type { FolderSettings } from './settings';

export class TableFormatting {
  constructor(
    private readonly documents: OpenDocuments,
    private readonly settings: FolderSettings,
  ) {}

  async format(uri: string, range?: Range): Promise<TextEdit[]> {
    const settings = await this.settings.forUri(uri);
    const doc = this.documents.get(uri);
    if (!doc || !doc.path.endsWith('.py') || !settings.enable) return [];
    const parsed = this.documents.parsed(uri);
    if (!parsed) return [];
    const workspace = this.documents.session.workspaces.forFile(doc.path);
    return formattingEdits(checkFileTables(parsed.tree, parsed.index, tableOptions(workspace.config, workspace)), range);
  }
}
