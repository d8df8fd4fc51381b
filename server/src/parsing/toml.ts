import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import type { Range } from '../engine/types';

export type TomlAst = AST.TOMLProgram;

export interface TomlError {
  message: string;
  /** 0-based line and UTF-16 column of the error. */
  line: number;
  column: number;
}

export type TomlDocument =
  | { ok: true; ast: TomlAst; value: Record<string, unknown> }
  | { ok: false; error: TomlError };

export function parseTomlDocument(text: string): TomlDocument {
  try {
    const ast = parseTOML(text);
    return { ok: true, ast, value: getStaticTOMLValue(ast) as Record<string, unknown> };
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number; column?: number };
    // toml-eslint-parser reports 1-based lines and 0-based columns.
    return {
      ok: false,
      error: {
        message: String(err.message ?? e),
        line: Math.max(0, (err.lineNumber ?? 1) - 1),
        column: Math.max(0, err.column ?? 0),
      },
    };
  }
}

/** The range of a TOML node, from its `loc` (1-based lines, 0-based columns). */
export function tomlRange(node: { loc: AST.SourceLocation }): Range {
  return {
    start: { line: node.loc.start.line - 1, character: node.loc.start.column },
    end: { line: node.loc.end.line - 1, character: node.loc.end.column },
  };
}

/** Reads a nested value of a parsed document, e.g. `get(doc, 'tool', 'uv', 'workspace')`. */
export function getPath(value: unknown, ...keys: string[]): unknown {
  let cur = value;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
