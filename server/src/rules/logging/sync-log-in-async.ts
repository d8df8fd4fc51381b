import type { Node } from 'web-tree-sitter';
import type { PythonRule, RuleFinding } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { callWritten, LEVEL_METHODS, LOGGING_READS, logCalls, loggerBindings, receiverKind } from './_loggers';

const SYNC_METHODS = new Set<string>(LEVEL_METHODS);

/** The coroutine a call runs in: its nearest enclosing function when that is an `async def`. */
function enclosingCoroutine(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n.firstChild?.type === 'async' ? n : undefined;
    // `await` is not allowed in a lambda or a class body, and a generator expression would become an async generator.
    if (n.type === 'lambda' || n.type === 'class_definition' || n.type === 'generator_expression') return undefined;
  }
  return undefined;
}

export const syncLogInAsync: PythonRule = {
  id: 'sync-log-in-async',
  kind: 'python',
  reads: LOGGING_READS,
  defaultSeverity: 'info',
  guideline: 'Detailed Coding Guidelines › Logging',
  summary: "a structlog logger's sync method (`logger.info(...)`) called inside `async def` instead of `await logger.ainfo(...)`",
  check({ matches, file, text }) {
    const bindings = loggerBindings(matches, text);
    const findings: RuleFinding[] = [];
    // Most log calls are decided from the text alone; only the candidates are looked up in the tree.
    const candidates = matches.filter((m) => {
      if (m.type !== 'call') return false;
      const written = callWritten(m, text);
      return !written || (SYNC_METHODS.has(written.method) && bindings.get(written.receiver) === 'structlog');
    });
    for (const { call, receiver, method } of logCalls(candidates)) {
      const name = method.text;
      if (!SYNC_METHODS.has(name) || call.parent?.type === 'await') continue;
      // Only structlog loggers have the `a*` methods; a stdlib or unknown logger is left alone.
      if (receiverKind(receiver, bindings) !== 'structlog' || !enclosingCoroutine(call)) continue;
      const range = { start: nodeRange(receiver).start, end: nodeRange(method).end };
      const finding: RuleFinding = {
        range,
        message: `Sync log call \`.${name}(...)\` inside \`async def\`: use \`await <logger>.a${name}(...)\`, structlog's async method, in coroutines.`,
      };
      // Written as a statement, the call can take `await` in front without regrouping anything.
      if (call.parent?.type === 'expression_statement') {
        finding.fix = {
          title: `Use \`await <logger>.a${name}(...)\``,
          safe: false,
          changes: [
            {
              type: 'edit',
              file,
              edits: [
                { range: { start: nodeRange(call).start, end: nodeRange(call).start }, newText: 'await ' },
                { range: nodeRange(method), newText: `a${name}` },
              ],
            },
          ],
        };
      }
      findings.push(finding);
    }
    return findings;
  },
};
