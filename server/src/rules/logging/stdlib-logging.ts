import { relative, sep } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { globProblem, optionGlobs } from '../../engine/glob';
import type { PythonRule, RuleFinding } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { LEVEL_METHODS } from './_loggers';

const ID = 'stdlib-logging';
const LEVELS = new Set<string>(LEVEL_METHODS);

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

export const stdlibLogging: PythonRule = {
  id: ID,
  kind: 'python',
  options: { allow: { type: 'array', items: { type: 'string', check: globProblem } } },
  reads: {
    query: `((call function: (attribute object: (identifier) @module attribute: (identifier) @fn) arguments: (argument_list) @args) @call
      (#eq? @module "logging") (#any-of? @fn "getLogger" ${LEVEL_METHODS.map((m) => `"${m}"`).join(' ')}))`,
    scope: 'each',
  },
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Logging',
  summary: 'a stdlib logger for the module (`logging.getLogger(__name__)`) or a call of `logging.info(...)` and friends, instead of structlog',
  check({ matches, config, file, workspace }) {
    const root = workspace.root;
    if (root) {
      const path = relative(root, file).split(sep).join('/');
      if (optionGlobs(config, ID, 'allow').some((p) => p.test(path))) return [];
    }
    const findings: RuleFinding[] = [];
    for (const { captures } of matches) {
      const call = captures.call[0];
      const fn = captures.fn[0].text;
      if (fn === 'getLogger') {
        const args = captures.args[0].namedChildren.filter((n) => n.type !== 'comment');
        // A named logger (`getLogger('httpx')`, `getLogger(name)`) is a third-party logger being tuned.
        const own = args.length === 0 || (args.length === 1 && args[0].text === '__name__');
        if (!own || !usedToLog(call, args.length === 0)) continue;
        findings.push({
          range: nodeRange(call),
          message:
            args.length === 0
              ? 'The stdlib root logger is used to log: use a structlog logger, `logger = get_logger(__name__)`, and log key-value fields.'
              : 'A stdlib logger for this module: use structlog, `logger = get_logger(__name__)` (the guidelines\' helper around `structlog.get_logger`).',
        });
      } else {
        findings.push({
          range: { start: nodeRange(call).start, end: nodeRange(captures.fn[0]).end },
          message: `\`logging.${fn}(...)\` logs through the stdlib root logger: use a structlog logger, \`logger = get_logger(__name__)\`, then \`logger.${fn}('event', key=value)\`.`,
        });
      }
    }
    return findings;
  },
};
