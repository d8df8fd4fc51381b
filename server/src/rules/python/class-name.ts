import type { PythonRule, RuleFinding } from '../../engine/types';
import { IGNORE_NAMES_OPTION, definitionNameOf, ignoredNames, toCapWords } from './_naming';

const ID = 'class-name';

/** CapWords after any leading underscores: an upper-case first letter and no underscore inside. */
export function isCapWords(name: string): boolean {
  const core = name.replace(/^_+/, '');
  return /^\p{Uppercase}/u.test(core) && !core.includes('_');
}

export const className: PythonRule = {
  id: ID,
  options: IGNORE_NAMES_OPTION,
  kind: 'python',
  reads: { kinds: ['class_definition'], scope: 'each' },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Typing & Style',
  summary: 'a class name that is not CapWords',
  ruffTwin: 'N801',
  check({ matches, config, text }) {
    const findings: RuleFinding[] = [];
    const ignored = ignoredNames(config, ID);
    for (const match of matches) {
      const name = definitionNameOf(match, text);
      if (!name || isCapWords(name.text) || ignored(name.text)) continue;
      const suggestion = toCapWords(name.text);
      findings.push({
        range: name.range,
        message:
          `Class name \`${name.text}\` is not CapWords: start each word with a capital letter and join the words without underscores` +
          (isCapWords(suggestion) ? `, e.g. \`${suggestion}\`.` : '.'),
      });
    }
    return findings;
  },
};
