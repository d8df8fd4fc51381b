import { readFileSync, statSync } from 'node:fs';

/** Why a file's text could not be linted, in words for the user. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; missing?: boolean };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes, refusing binary content and invalid UTF-8 with a reason instead of garbage. */
function tooLarge(size: number, maxFileSize: number): ReadResult {
  return { ok: false, reason: `file is ${size} bytes, over the ${maxFileSize}-byte limit (pyguide.maxFileSize / max-file-size)` };
}

export function decodeSource(bytes: Uint8Array, maxFileSize: number): ReadResult {
  if (bytes.length > maxFileSize) return tooLarge(bytes.length, maxFileSize);
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'file looks binary (it contains NUL bytes)' };
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'file is not valid UTF-8' };
  }
}

/** Where the engine reads files: the disk, or the disk overlaid with unsaved editor buffers. */
export interface FileSource {
  read(path: string, maxFileSize?: number): ReadResult;
  exists(path: string): boolean;
}

export class DiskFiles implements FileSource {
  read(path: string, maxFileSize = Number.MAX_SAFE_INTEGER): ReadResult {
    try {
      // A missing file is common (a baseline looked for at every publish): no exception for it.
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) return { ok: false, reason: 'file does not exist', missing: true };
      if (stat.isDirectory()) return { ok: false, reason: 'is a directory', missing: true };
      // Reading a FIFO would wait for a writer forever; devices and sockets are no source files either.
      if (!stat.isFile()) return { ok: false, reason: 'not a regular file (a pipe, socket or device)' };
      const size = stat.size;
      if (size > maxFileSize) return tooLarge(size, maxFileSize);
      return decodeSource(readFileSync(path), maxFileSize);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'file does not exist', missing: true };
      if (code === 'EISDIR') return { ok: false, reason: 'is a directory', missing: true };
      return { ok: false, reason: `cannot read file (${code ?? String(e)})` };
    }
  }

  exists(path: string): boolean {
    try {
      return statSync(path, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  }
}

/**
 * The disk as the editor sees it: open documents win over what is saved. A buffer may be set
 * `unsettled`: readers still get the text it had before (what the workspace was last told) until
 * `settle` hands them the new one. A pyproject.toml being typed in is read so (see
 * lsp/workspaceSweep.ts): a keystroke in another file is linted against the workspace as it stood,
 * and the files that depend on the edit are linted again once it rests.
 */
export class OverlayFiles implements FileSource {
  private readonly buffers = new Map<string, string>();
  /** The latest text of each buffer not yet settled. */
  private readonly unsettled = new Map<string, string>();

  constructor(private readonly base: FileSource = new DiskFiles()) {}

  set(path: string, text: string): void {
    this.unsettled.delete(path);
    this.buffers.set(path, text);
  }

  /** A buffer's new text that readers get only once it is settled. */
  setUnsettled(path: string, text: string): void {
    this.unsettled.set(path, text);
  }

  /** Whether a buffer has a text readers do not get yet. */
  isUnsettled(path: string): boolean {
    return this.unsettled.has(path);
  }

  get hasUnsettled(): boolean {
    return this.unsettled.size > 0;
  }

  /**
   * Hands readers the latest text of every unsettled buffer (or of `path` alone); returns the
   * paths whose text readers get changed by it.
   */
  settle(path?: string): string[] {
    const changed: string[] = [];
    for (const [p, text] of [...this.unsettled].filter(([p]) => path === undefined || p === path)) {
      this.unsettled.delete(p);
      const before = this.buffers.get(p);
      this.buffers.set(p, text);
      // Typed and typed back: readers have this text already.
      if (before === undefined ? !this.sameAsBase(p, text) : before !== text) changed.push(p);
    }
    return changed;
  }

  private sameAsBase(path: string, text: string): boolean {
    const read = this.base.read(path);
    return read.ok && read.text === text;
  }

  delete(path: string): void {
    this.unsettled.delete(path);
    this.buffers.delete(path);
  }

  read(path: string, maxFileSize?: number): ReadResult {
    const text = this.buffers.get(path);
    return text !== undefined ? { ok: true, text } : this.base.read(path, maxFileSize);
  }

  exists(path: string): boolean {
    return this.buffers.has(path) || this.base.exists(path);
  }
}
