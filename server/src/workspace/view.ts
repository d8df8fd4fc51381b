import type { MemberKind } from '../engine/config';
import type { TomlDocument } from '../parsing/toml';

/** A workspace member package found by the layout rules. */
export interface PackageInfo {
  /** Absolute directory of the package. */
  dir: string;
  /** The directory's own name, e.g. `google-genai`. */
  dirName: string;
  kind: MemberKind;
  pyprojectPath: string;
  /** Name the layout expects, e.g. `genkit-plugin-google-genai`. */
  expectedName: string;
}

/** What rules may ask about the workspace around the file they check. */
export interface WorkspaceView {
  /** The uv workspace root (or the folder of the pyproject.toml holding `[tool.pyguide]`). */
  readonly root: string | undefined;
  readonly packages: readonly PackageInfo[];
  /** The member package a file belongs to. */
  packageOf(file: string): PackageInfo | undefined;
  /** Every Python file of the workspace (after excludes), as far as it is known. */
  pythonFiles(): readonly string[];
  exists(path: string): boolean;
  /** Parsed pyproject.toml at a path, as the editor sees it (unsaved edits included). */
  pyproject(path: string): TomlDocument | undefined;
}
