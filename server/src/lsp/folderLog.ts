// What the server says in the pyguide output when it starts and when folders come and go: its
// version, and per folder which pyproject.toml configures it (the first thing to look at when
// findings are not what someone expected).
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { Workspaces } from '../workspace/model';
import { uriToPath } from './convert';

export function folderLines(folders: readonly WorkspaceFolder[], workspaces: Workspaces): string[] {
  return folders.map((folder) => {
    const root = uriToPath(folder.uri);
    if (!root) return `folder ${folder.name}: not on disk, not checked`;
    const ws = workspaces.forFile(`${root}/pyproject.toml`);
    if (!ws.rootPyproject) return `folder ${folder.name}: no pyproject.toml in it or above it: the default guidelines`;
    const problems = ws.configProblems.length;
    return `folder ${folder.name}: configuration ${ws.rootPyproject}${problems > 0 ? ` (${problems} problem${problems === 1 ? '' : 's'} in [tool.pyguide])` : ''}`;
  });
}
