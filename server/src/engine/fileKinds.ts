// The kinds of file pyguide lints, as data: how a file of each kind is recognised (its path, or for
// an extensionless script its first line), what the editor calls it, what to watch and how big it
// may be. The scan, the linter, the CLI, the server's watchers and the client's document selector
// all read this list, so a new kind is one entry here plus how its text is read (engine/kindReaders.ts).
// No imports: the client bundles this file for its document selector.

export type FileKind = 'python' | 'pyproject' | 'shell';

/** A document filter as the client's `documentSelector` takes it. */
export interface KindSelector {
  scheme: 'file' | 'untitled';
  language?: string;
  pattern?: string;
}

export interface FileKindSpec {
  id: FileKind;
  /** What the CLI calls it when a named file is of no kind. */
  title: string;
  /** Whether a path is of this kind by its name alone (`/`-or-`\`-separated, any case as written). */
  byPath(path: string): boolean;
  /**
   * Whether an extensionless file is of this kind by its first line (a `#!` line, say). Only asked
   * of files whose name has no dot, so a walk reads the first bytes of few files.
   */
  byFirstLine?(line: string): boolean;
  /** The editor's language ids for documents of this kind (a document of another id is still linted when its path says so). */
  languageIds: readonly string[];
  /** The client's document selector entries for this kind. */
  selector: readonly KindSelector[];
  /** The file-watch globs that cover the kind (extensionless scripts are seen by the sweep's walk, not watched). */
  watch: readonly string[];
  /** An untitled buffer of `languageIds[0]` is linted as if named `<path><suffix>` (only kinds with an untitled selector). */
  untitledSuffix?: string;
}

const base = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * `#!/bin/sh`, `#!/bin/bash`, `#!/usr/bin/env bash`, `#! /usr/bin/env -S bash -e`: a script for
 * `sh` or `bash`. Other interpreters (zsh, dash, python) are not shell scripts to pyguide.
 */
export const SHELL_SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(?:\S*\/)?(sh|bash)(?:\s|$)/;

export const FILE_KINDS: readonly FileKindSpec[] = [
  {
    id: 'python',
    title: 'Python',
    byPath: (path) => path.endsWith('.py') || path.endsWith('.pyi'),
    languageIds: ['python'],
    selector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    watch: ['**/*.py', '**/*.pyi'],
    untitledSuffix: '.py',
  },
  {
    id: 'pyproject',
    title: 'pyproject.toml',
    byPath: (path) => base(path) === 'pyproject.toml',
    languageIds: ['toml'],
    selector: [{ scheme: 'file', pattern: '**/pyproject.toml' }],
    watch: ['**/pyproject.toml'],
  },
  {
    id: 'shell',
    title: 'shell script',
    byPath: (path) => path.endsWith('.sh'),
    byFirstLine: (line) => SHELL_SHEBANG.test(line),
    languageIds: ['shellscript'],
    selector: [{ scheme: 'file', language: 'shellscript' }],
    watch: ['**/*.sh'],
  },
];

/** Whether a file name has no extension (a dot anywhere but the first character). */
export function isExtensionless(path: string): boolean {
  return base(path).lastIndexOf('.') <= 0;
}

/**
 * The kind of a file: by its path, else (extensionless files only) by its first line when the
 * caller has it. Undefined: pyguide does not lint it.
 */
export function kindOf(path: string, firstLine?: string): FileKind | undefined {
  for (const k of FILE_KINDS) if (k.byPath(path)) return k.id;
  if (firstLine === undefined || !isExtensionless(path)) return undefined;
  for (const k of FILE_KINDS) if (k.byFirstLine?.(firstLine)) return k.id;
  return undefined;
}

/** How much of a text may hold the first line a kind is recognised by (a `#!` line is short). */
export const FIRST_LINE_CHARS = 256;

/** The first line of a text (without its line break), read from its first `FIRST_LINE_CHARS` characters only. */
export function firstLineOf(text: string): string {
  const head = text.slice(0, FIRST_LINE_CHARS);
  const end = head.search(/\r|\n/);
  return end < 0 ? head : head.slice(0, end);
}

export function kindSpec(kind: FileKind): FileKindSpec {
  return FILE_KINDS.find((k) => k.id === kind)!;
}

/** Every kind's document selector entries: the client's `documentSelector`. */
export function documentSelector(): KindSelector[] {
  return FILE_KINDS.flatMap((k) => [...k.selector]);
}
