import { relative, sep } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { globProblem, optionGlobs } from '../../engine/glob';
import type { PythonRule, RuleFinding, SyntaxMatch } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { bindingPatterns, importedFromAt, importItems, isModuleAt, nameMentions, ScopedNames } from '../python/_imports';
import { LEVEL_METHODS } from './_loggers';

const ID = 'stdlib-logging';
const LEVELS = new Set<string>(LEVEL_METHODS);
const FUNCTIONS = ['getLogger', ...LEVEL_METHODS];

// Calls on a module (`logging.info(...)`, `log.getLogger(...)` after `import logging as log`), calls
// of a bare name (`getLogger(...)` after `from logging import getLogger`), the imports from
// `logging` that say which names those are, and each binding of the name `logging`. A bare name may
// be any alias, so that pattern is not narrowed: the check reads only the calls whose name a logging
// import binds.
const QUERY = `
((call function: (attribute object: (identifier) @module attribute: (identifier) @fn) arguments: (argument_list) @args) @call
  (#any-of? @fn ${FUNCTIONS.map((m) => `"${m}"`).join(' ')}))
((call function: (identifier) arguments: (argument_list)) @bare_call)
((import_from_statement module_name: (dotted_name) @from) @logging_import (#eq? @from "logging"))
((import_statement name: (aliased_import name: (dotted_name) @from)) @logging_import (#eq? @from "logging"))
${bindingPatterns('logging', 'logging_name')}
`;

const isImport = (m: SyntaxMatch) => m.type === 'import_from_statement' || m.type === 'import_statement';

/**
 * Whether the module's logging imports bind no name but `logging` (`import logging`, or none at
 * all). Then a call is the rule's only where it starts with `logging`, and whether it is the
 * module depends on the call's own statement and on the bindings of `logging`, each a match of the
 * context: a call's findings hold until one of those is typed or deleted. An alias or a name
 * imported from `logging` may be bound anywhere by a name the context does not follow: every call
 * is checked at every edit then.
 */
function keepsFindings(context: readonly SyntaxMatch[]): boolean {
  return context.every((m) => !isImport(m) || importItems(m.node).every((item) => item.name === 'logging' || !loggingBinding(item.value)));
}

/** Whether an import item's value (see ImportItem) is `logging` or a function of it the rule reads. */
function loggingBinding(value: string): boolean {
  return value === 'module logging' || FUNCTIONS.some((f) => value === `from logging ${f}`);
}

/** Whether a level method is called on the logger right there: `logging.getLogger().info(...)`. */
function loggedOnAtOnce(call: Node): boolean {
  const parent = call.parent;
  return parent?.type === 'attribute' && LEVELS.has(parent.childForFieldName('attribute')?.text ?? '');
}

/**
 * Whether a `logging.getLogger(...)` result is used to log. The module's own logger is, unless only
 * tuned on the spot (`.setLevel(...)`, `.handlers`). The root logger (no name) mostly is set up for
 * structlog's output (`root = logging.getLogger(); root.addHandler(...)`): only logging on it at
 * once counts.
 */
function usedToLog(call: Node, root: boolean): boolean {
  return root ? loggedOnAtOnce(call) : call.parent?.type !== 'attribute' || loggedOnAtOnce(call);
}

const WORD = /\w/;

/** The candidate name a call starts with, read from the text: most calls name nothing logging imports. */
function headAt(text: string, at: number, candidates: ReadonlySet<string>): string | undefined {
  for (const name of candidates) if (text.startsWith(name, at) && !WORD.test(text.charAt(at + name.length))) return name;
  return undefined;
}

export const stdlibLogging: PythonRule = {
  id: ID,
  kind: 'python',
  options: { allow: { type: 'array', items: { type: 'string', check: globProblem } } },
  // What a name stands for depends on the module's imports and assignments: they are the context.
  reads: { query: QUERY, scope: 'each', context: ['import_from_statement', 'import_statement', 'identifier'], keepsFindings },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Logging',
  summary: 'a stdlib logger for the module (`logging.getLogger(__name__)`) or a call of `logging.info(...)` and friends, instead of structlog',
  check({ matches, config, file, workspace, text, tree }) {
    const root = workspace.root;
    if (root) {
      const path = relative(root, file).split(sep).join('/');
      if (optionGlobs(config, ID, 'allow').some((p) => p.test(path))) return [];
    }
    // `logging` itself, and every name a `logging` import binds: the only names worth resolving.
    const candidates = new Set(['logging']);
    for (const m of matches) {
      if (!isImport(m)) continue;
      for (const item of importItems(m.node)) if (loggingBinding(item.value)) candidates.add(item.name);
    }
    let names: ScopedNames | undefined;
    const findings: RuleFinding[] = [];
    for (const m of matches) {
      if (m.type !== 'call') continue;
      const head = headAt(text, m.start, candidates);
      if (!head) continue;
      // The bare-name pattern captures the call alone: it matches every such call in the module.
      const { bare_call: bare, module } = m.captures;
      const call = bare ? bare[0] : m.captures.call[0];
      const fnNode = bare ? call.childForFieldName('function')! : m.captures.fn[0];
      const args = call.childForFieldName('arguments')!;
      names ??= new ScopedNames(tree.rootNode, nameMentions(text, candidates));
      let fn: string;
      let written: string;
      if (module) {
        // A module not imported at all is taken at its word, as before imports were read.
        if (!isModuleAt(names, call, head, 'logging')) continue;
        fn = fnNode.text;
        written = `${head}.${fn}`;
      } else {
        const original = importedFromAt(names, call, head, 'logging');
        if (!original || !FUNCTIONS.includes(original)) continue;
        fn = original;
        written = head;
      }
      const alias = written === `logging.${fn}` ? '' : ` (\`${written}\` is \`logging.${fn}\`)`;
      if (fn === 'getLogger') {
        const given = args.namedChildren.filter((n) => n.type !== 'comment');
        // A named logger (`getLogger('httpx')`, `getLogger(name)`) is a third-party logger being tuned.
        const own = given.length === 0 || (given.length === 1 && given[0].text === '__name__');
        if (!own || !usedToLog(call, given.length === 0)) continue;
        findings.push({
          range: nodeRange(call),
          message:
            given.length === 0
              ? `The stdlib root logger is used to log${alias}: use a structlog logger, \`logger = get_logger(__name__)\`, and log key-value fields.`
              : `A stdlib logger for this module${alias}: use structlog, \`logger = get_logger(__name__)\` (the guidelines' helper around \`structlog.get_logger\`).`,
        });
      } else {
        findings.push({
          range: { start: nodeRange(call).start, end: nodeRange(fnNode).end },
          message: `\`${written}(...)\` logs through the stdlib root logger${alias}: use a structlog logger, \`logger = get_logger(__name__)\`, then \`logger.${fn}('event', key=value)\`.`,
        });
      }
    }
    return findings;
  },
};
