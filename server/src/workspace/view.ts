import type { ConfigProblem, MemberKind } from '../engine/config';
import type { TextIndex } from '../engine/textIndex';
import type { Range } from '../base/text';
import type { TomlDocument } from '../parsing/toml';

/** A workspace member package found by the layout rules. */
export interface PackageInfo {
  /** Absolute directory of the package. */
  dir: string;
  /** The directory's own name, e.g. `google-genai`. */
  dirName: string;
  kind: MemberKind;
  pyprojectPath: string;
  /** Name the layout expects, e.g. `genkit-plugin-google-genai` (underscores of the directory become hyphens). */
  expectedName: string;
}

/** A pyproject.toml as the editor sees it, parsed. */
export interface PyprojectFile {
  path: string;
  text: string;
  index: TextIndex;
  doc: TomlDocument;
}

/** A string value of a pyproject.toml and where it is written. */
export interface LocatedString {
  value: string;
  /** The value's range, quotes included. */
  range: Range;
}

/** One PEP 508 version clause, e.g. `>=` `0.5.0`. */
export interface VersionClause {
  operator: string;
  version: string;
}

/** One entry of `[project].dependencies`. */
export interface Dependency extends LocatedString {
  /** The project name normalized as PEP 503 does (`Foo_Bar` -> `foo-bar`); undefined when the entry is not PEP 508. */
  name: string | undefined;
  extras: string[];
  specifiers: VersionClause[];
  /** Why the entry is not a PEP 508 requirement. */
  error?: string;
}

/** What the `[project]` table of one pyproject.toml says. */
export interface ProjectMetadata {
  hasProject: boolean;
  name: LocatedString | undefined;
  version: LocatedString | undefined;
  /** Fields listed in `[project].dynamic` (their values come from the build backend). */
  dynamic: string[];
  dependencies: Dependency[];
}

/** A directory Python imports: `src/genkit/plugins/google_genai` is `genkit.plugins.google_genai`. */
export interface ImportPackage {
  dir: string;
  module: string;
}

/** An import package of a workspace member and the distribution that provides it. */
export interface MemberImport {
  /** Dotted module name, e.g. `genkit.plugins.google_genai`. */
  module: string;
  /** The member's `[project].name`, else the name the layout gives it. */
  distribution: string;
}

/** The files a member package holds, as far as the rules ask. */
export interface PackageFiles {
  /** Import packages under the source directory: the first directories with an `__init__.py`, below namespace directories. */
  modules: ImportPackage[];
  /** Import packages without a `py.typed` marker. */
  untyped: ImportPackage[];
  /** Whether a file (`README.md`, `LICENSE`, `run.sh`, ...) exists directly in the package directory. */
  exists(name: string): boolean;
}

/** What rules may ask about the workspace around the file they check. */
export interface WorkspaceView {
  /** The uv workspace root (or the folder of the pyproject.toml holding `[tool.pyguide]`). */
  readonly root: string | undefined;
  readonly rootPyproject: string | undefined;
  readonly packages: readonly PackageInfo[];
  /** The member package a file belongs to. */
  packageOf(file: string): PackageInfo | undefined;
  /** The core package (`layout.core`), when it is a member. */
  readonly corePackage: PackageInfo | undefined;
  /** Every Python file of the workspace (after excludes), as far as it is known. */
  pythonFiles(): readonly string[];
  /** The Python files of the workspace with this file name (e.g. `utils_test.py`), sorted. */
  pythonFilesNamed(name: string): readonly string[];
  exists(path: string): boolean;
  /** Parsed pyproject.toml at a path, as the editor sees it (unsaved edits included). */
  pyproject(path: string): TomlDocument | undefined;
  /** The same with its text, for fixes that edit another pyproject.toml. */
  pyprojectFile(path: string): PyprojectFile | undefined;
  /**
   * One value of a pyproject.toml (`["tool", "ruff"]`); undefined when it is missing or the file
   * does not parse. Read this rather than the whole document where a rule needs one table: a file's
   * findings then depend on that table only, and an edit elsewhere in the file re-checks nothing.
   */
  pyprojectValue(path: string, keys: readonly string[]): unknown;
  /** Whether that value is a table (`["project"]`), without depending on what the table holds. */
  pyprojectHasTable(path: string, keys: readonly string[]): boolean;
  /** The `[project]` facts of a pyproject.toml; undefined when it is missing or does not parse. */
  metadata(path: string): ProjectMetadata | undefined;
  /** The files of a member package. */
  packageFiles(pkg: PackageInfo): PackageFiles;
  /** The import packages of every member, with the distribution providing each, sorted by module. */
  memberImports(): readonly MemberImport[];
  /** Names in the root `[tool.uv.sources]`, PEP 503-normalized; undefined when the root file does not parse. */
  uvSources(): ReadonlySet<string> | undefined;
  /** Text of a file (the workspace LICENSE, say), as the editor sees it. */
  readText(path: string): string | undefined;
  /** Problems of the workspace's `[tool.pyguide]`, each at its key or value, in the file holding it. */
  readonly configProblems: readonly ConfigProblem[];
}
