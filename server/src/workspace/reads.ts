// What a lint read of the workspace: the files whose contents its findings depend on. When one of
// them changes (a pyproject.toml keystroke), only the files that read it need linting again.
import type { PackageInfo, ProjectMetadata, WorkspaceView } from './view';

/**
 * What a lint read: paths of files it read as a whole (pyproject.toml documents, other texts), and
 * `<path>#<field>` for the `[project]` fields it read through `metadata` (which member names, which
 * versions), so that a version edit does not concern the files that only read names.
 */
export type Reads = Set<string>;

/** The key a read of one metadata field is recorded under. */
export function fieldRead(path: string, field: string): string {
  return `${path}#${field}`;
}

/** Metadata whose field reads are recorded. */
function recordingMetadata(meta: ProjectMetadata, path: string, reads: Reads): ProjectMetadata {
  return new Proxy(meta, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads.add(fieldRead(path, key));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** The metadata fields that differ between two readings of a pyproject.toml (every field when either is missing). */
export function changedFields(before: ProjectMetadata | undefined, after: ProjectMetadata | undefined): string[] {
  if (!before || !after) return ['*'];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify((before as unknown as Record<string, unknown>)[k]) !== JSON.stringify((after as unknown as Record<string, unknown>)[k]));
}

/** Whether a lint that read `reads` may find something else now that these fields of `path` changed. */
export function readsChanged(reads: ReadonlySet<string> | undefined, path: string, fields: readonly string[]): boolean {
  if (!reads) return false;
  if (reads.has(path)) return true;
  return fields.some((f) => (f === '*' ? [...reads].some((r) => r.startsWith(`${path}#`)) : reads.has(fieldRead(path, f))));
}

/** A view of `view` that adds every file whose contents a rule reads to `reads`. */
export function recordingView(view: WorkspaceView, reads: Reads): WorkspaceView {
  return {
    get root() {
      return view.root;
    },
    get rootPyproject() {
      return view.rootPyproject;
    },
    get packages() {
      return view.packages;
    },
    get corePackage() {
      return view.corePackage;
    },
    packageOf: (file) => view.packageOf(file),
    pythonFiles: () => view.pythonFiles(),
    exists: (path) => view.exists(path),
    pyproject: (path) => (reads.add(path), view.pyproject(path)),
    pyprojectFile: (path) => (reads.add(path), view.pyprojectFile(path)),
    metadata: (path) => {
      const meta = view.metadata(path);
      if (!meta) reads.add(path);
      return meta && recordingMetadata(meta, path, reads);
    },
    packageFiles: (pkg: PackageInfo) => view.packageFiles(pkg),
    uvSources: () => {
      if (view.rootPyproject) reads.add(view.rootPyproject);
      return view.uvSources();
    },
    readText: (path) => (reads.add(path), view.readText(path)),
  };
}
