// A report of tens of thousands of findings (tens of MB) is written as it is formatted, and no faster
// than stdout takes it: a pipe takes 64 KB at a time, and Node keeps whatever the reader has not
// taken yet in memory (about 90 MB more at 58,000 findings in JSON).

/** The pieces of `items.map(render).join(separator)`, one item at a time. */
export function* joined<T>(items: readonly T[], separator: string, render: (item: T) => string): Generator<string> {
  for (let i = 0; i < items.length; i++) yield i === 0 ? render(items[i]) : separator + render(items[i]);
}

/** What `writePieces` writes to: a stream's `write` and its `drain` event. */
export interface Sink {
  write(text: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes the pieces in batches of about 64 KB, then a newline, each batch once the stream has taken
 * the one before; nothing at all when every piece is empty.
 */
export async function writePieces(pieces: Iterable<string>, out: Sink): Promise<void> {
  let batch = '';
  let any = false;
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  for (const piece of pieces) {
    if (!piece) continue;
    any = true;
    batch += piece;
    if (batch.length >= 65536) {
      await write(batch);
      batch = '';
    }
  }
  if (any) await write(`${batch}\n`);
}
