// What the editor learns of a workspace's configuration (for its language status item) and the
// "Create Configuration" server command that writes a starter `[tool.pyguide]` table.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import type { OpenDocuments } from '../engine/documents';
import { PRESET_IDS, type PresetId } from '../engine/presets';
import { hasPyguideTable, starterTarget, withStarterTable } from '../engine/starterConfig';
import { minimalEdit } from '../engine/textEdits';
import type { WorkspaceModel } from '../workspace/model';
import { versionedEdit } from './codeActions';
import { pathToUri, uriToPath } from './convert';
import type { ConfigStatus, CreateConfigurationResult } from './protocol';
import type { FolderSettings } from './settings';

/** The status item's view of a workspace: checked or not, with which preset, and its config's problems. */
export function configStatus(workspace: WorkspaceModel): ConfigStatus {
  const { active, preset, source, reason, configFile } = workspace.activation;
  return { active, preset, source, reason, configUri: configFile && pathToUri(configFile), problems: workspace.configProblems.length };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class ConfigurationCommands {
  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly settings: FolderSettings,
    private readonly canCreateFiles: () => boolean,
  ) {}

  /**
   * Writes a starter `[tool.pyguide]` naming `preset` for the file or folder at `uri`, through
   * `workspace/applyEdit` (so it can be undone). Nothing is written where a table already is.
   */
  async create(uri: string, preset: unknown): Promise<CreateConfigurationResult> {
    if (typeof preset !== 'string' || !PRESET_IDS.includes(preset as PresetId)) return { applied: false, message: `Unknown preset ${JSON.stringify(preset)}: one of ${PRESET_IDS.join(', ')}.` };
    const path = uriToPath(uri);
    if (!path) return { applied: false, message: 'Create Configuration works on files and folders on disk.' };
    const file = isDirectory(path) ? join(path, 'pyproject.toml') : path;
    const session = this.documents.session;
    const folder = this.settings.folderOf(uri);
    const target = starterTarget(session.workspaces.forFile(file), file, folder && uriToPath(folder.uri), (p) => session.files.exists(p));
    if (!target) return { applied: false, message: 'No workspace folder to put a pyproject.toml in.' };
    const targetUri = pathToUri(target);
    const open = this.documents.get(targetUri);
    const read = open ? undefined : session.files.read(target);
    const text = open ? open.text : read?.ok ? read.text : undefined;
    if (text !== undefined && hasPyguideTable(text)) return { applied: false, uri: targetUri, message: `${target} already has a [tool.pyguide] table.` };
    let edit: WorkspaceEdit;
    if (text !== undefined) {
      const change = minimalEdit(text, withStarterTable(text, preset as PresetId));
      if (!change) return { applied: false, uri: targetUri, message: 'Nothing to add.' };
      edit = open ? versionedEdit({ uri: targetUri, version: open.version }, [change]) : { documentChanges: [{ textDocument: { uri: targetUri, version: null }, edits: [change] }] };
    } else if (read && !read.ok && !read.missing) {
      return { applied: false, uri: targetUri, message: `${target} cannot be read: ${read.reason}.` };
    } else {
      if (!this.canCreateFiles()) return { applied: false, message: `There is no ${target}, and this editor cannot create files through the language server.` };
      const start = { line: 0, character: 0 };
      edit = {
        documentChanges: [
          { kind: 'create', uri: targetUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: targetUri, version: null }, edits: [{ range: { start, end: start }, newText: withStarterTable('', preset as PresetId) }] },
        ],
      };
    }
    const result = await this.connection.workspace.applyEdit({ label: 'Pyguide: Create Configuration', edit });
    return result.applied
      ? { applied: true, uri: targetUri, message: `Added [tool.pyguide] with preset "${preset}" to ${target}.` }
      : { applied: false, uri: targetUri, message: `The editor did not apply the change${result.failureReason ? `: ${result.failureReason}` : ''}.` };
  }
}
