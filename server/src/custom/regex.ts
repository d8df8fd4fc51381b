// Regular expressions written in a repository's configuration run on RE2JS: RE2 semantics, time
// linear in the text, so no pattern (`(a+)+$`, say) can make a check hang.
import { RE2JS } from 're2js';

/** Longer expressions are refused: a constraint is a name or a shape, not a program. */
const MAX_REGEX_LENGTH = 1000;

const compiled = new Map<string, RE2JS>();

/** The expression compiled (cached), or throws with RE2's reason. */
export function re2(source: string): RE2JS {
  let re = compiled.get(source);
  if (!re) {
    if (source.length > MAX_REGEX_LENGTH) throw new Error(`is longer than ${MAX_REGEX_LENGTH} characters`);
    re = RE2JS.compile(source);
    if (compiled.size > 500) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Why an expression is not one RE2 accepts, or undefined. */
export function regexProblem(source: string): string | undefined {
  try {
    re2(source);
    return undefined;
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
    return `"${source.length > 60 ? `${source.slice(0, 60)}...` : source}" is not a regular expression RE2 accepts (${reason}; RE2 has no look-around or backreferences)`;
  }
}

/** Whether the expression matches somewhere in the text (anchor it with ^ and $ to match all of it). */
export function found(source: string, text: string): boolean {
  return re2(source).matcher(text).find();
}
