// Colour for the terminal, as Ruff does it: on a terminal, never in a pipe or a file; NO_COLOR turns
// it off and FORCE_COLOR on (https://no-color.org, https://force-color.org), FORCE_COLOR winning.
import { createColors } from 'picocolors';

export type Style = ReturnType<typeof createColors>;

/** Whether to colour a stream: FORCE_COLOR (unless "0" or "false"), else not NO_COLOR, else a TTY that is not "dumb". */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return createColors(colorEnabled(env, stream.isTTY === true));
}

/** No colour at all (machine formats, tests). */
export const PLAIN: Style = createColors(false);
