// The bottom layer: positions, ranges and edits as LSP counts them (0-based lines, UTF-16 columns).
// It imports nothing, so every other module may import it without forming a cycle.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One change a fix makes; paths are absolute. */
export type FileChange =
  | { type: 'edit'; file: string; edits: TextEdit[] }
  | { type: 'create'; file: string; content: string }
  | { type: 'rename'; from: string; to: string }
  | { type: 'delete'; file: string };

export function rangeAt(line: number, startChar: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line, character: endChar } };
}
