// Shared by the logging rules: which calls are log calls, and which loggers are structlog's.
//
// Both rules declare one query with two patterns: log calls (`<receiver>.<level>(...)`) and logger
// bindings (`<target> = <factory>(...)`). What they report about a call depends on the logger's
// library (sync-log-in-async never flags a stdlib logger: it has no `a*` methods), which the
// module's bindings say: the bindings are the rules' context (SyntaxNeed.context), so a keystroke
// in one log call checks that call alone, and an edit of a binding checks every call again.
import type { Node } from 'web-tree-sitter';
import type { SyntaxMatch, SyntaxNeed } from '../../engine/types';
import { assignmentWritten, squeeze } from '../_writtenSyntax';

export { callWritten } from '../_writtenSyntax';

/** structlog's (and stdlib's) level methods; structlog's async twins are `a` + the name. */
export const LEVEL_METHODS = ['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'msg', 'log'] as const;
export const ASYNC_LEVEL_METHODS = LEVEL_METHODS.map((m) => `a${m}`);

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' ');

/** Log calls and logger bindings; a match is one or the other (`captures.call` or `captures.binding`). */
const LOGGING_QUERY = `
((call function: (attribute object: (_) @receiver attribute: (identifier) @method) arguments: (argument_list) @args) @call
  (#any-of? @method ${quoted([...LEVEL_METHODS, ...ASYNC_LEVEL_METHODS])}))
((assignment left: [(identifier) (attribute)] @target right: (call function: [(identifier) (attribute)] @factory)) @binding
  (#match? @factory "(get_logger|getLogger|wrap_logger|bind|new)$"))
`;

/**
 * The logging rules' declaration: checked call by call, with every binding as context. A call's
 * finding and fix lie on the call's own lines; besides the call it reads only the `def` line
 * (`async`) of the function holding it.
 */
export const LOGGING_READS: SyntaxNeed = { query: LOGGING_QUERY, scope: 'each', context: ['assignment'] };

export type LoggerKind = 'structlog' | 'stdlib';

// `get_logger` alone is the guidelines' helper (genkit.core.logging.get_logger, a thin wrapper of
// structlog.get_logger); the logging rules run in the Genkit presets only.
const STRUCTLOG_FACTORIES = new Set(['get_logger', 'structlog.get_logger', 'structlog.getLogger', 'structlog.stdlib.get_logger', 'structlog.wrap_logger']);
const STDLIB_FACTORIES = new Set(['logging.getLogger']);
// Methods of a structlog logger that return another structlog logger.
const DERIVING = /^(.+)\.(bind|new)$/s;


/** The library of a call's result when it makes a logger: `structlog.get_logger(...)`, `logger.bind(...)`. */
function factoryKind(factory: string, known: ReadonlyMap<string, LoggerKind | 'ambiguous'>): LoggerKind | undefined {
  if (STRUCTLOG_FACTORIES.has(factory)) return 'structlog';
  if (STDLIB_FACTORIES.has(factory)) return 'stdlib';
  const derived = DERIVING.exec(factory);
  if (!derived) return undefined;
  // `structlog.get_logger().bind(...)`: the logger it derives from is made in place.
  const made = /^([\w.]+)\(.*\)$/s.exec(derived[1]);
  if ((made ? factoryKind(made[1], known) : known.get(derived[1])) === 'structlog') return 'structlog';
  return undefined;
}

/**
 * The loggers the module binds, by the target as written without spaces (`logger`, `self._logger`):
 * a target bound by two libraries, or by one library at one place and something else at another
 * the query saw, is `ambiguous`. Scopes are not told apart: a name is a logger wherever it is used.
 */
export function loggerBindings(matches: readonly SyntaxMatch[], text: string): Map<string, LoggerKind | 'ambiguous'> {
  const bindings: { target: string; factory: string }[] = [];
  for (const m of matches) {
    if (m.type !== 'assignment') continue;
    const written = assignmentWritten(m, text);
    if (written) bindings.push(written);
  }
  const known = new Map<string, LoggerKind | 'ambiguous'>();
  // `.bind()` of a logger bound further down still counts: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const next = new Map<string, LoggerKind | 'ambiguous'>();
    for (const { target, factory } of bindings) {
      const kind = factoryKind(factory, known);
      if (!kind) continue;
      const before = next.get(target);
      next.set(target, before === undefined || before === kind ? kind : 'ambiguous');
    }
    changed = next.size !== known.size || [...next].some(([k, v]) => known.get(k) !== v);
    known.clear();
    for (const [k, v] of next) known.set(k, v);
  }
  return known;
}

/** The library of the logger a log call is made on, when the module says: its binding, or a factory call in place. */
export function receiverKind(receiver: Node, bindings: ReadonlyMap<string, LoggerKind | 'ambiguous'>): LoggerKind | undefined {
  if (receiver.type === 'call') {
    const fn = receiver.childForFieldName('function');
    return fn ? factoryKind(squeeze(fn.text), bindings) : undefined;
  }
  if (receiver.type === 'identifier' && receiver.text === 'logging') return 'stdlib';
  const kind = bindings.get(squeeze(receiver.text));
  return kind === 'ambiguous' ? undefined : kind;
}

/** Ruff's heuristic for G001-G004, narrowed: the receiver's last name is `log`, `logger` or ends in `_log`/`_logger`. */
export function looksLikeLogger(receiver: Node | string): boolean {
  const last = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(typeof receiver === 'string' ? receiver : receiver.text)?.[1] ?? '';
  return /^_*(log|logger)$|_(log|logger)$/i.test(last);
}

/** The log calls among a rule's matches. */
export function logCalls(matches: readonly SyntaxMatch[]): { call: Node; receiver: Node; method: Node; args: Node }[] {
  const out: { call: Node; receiver: Node; method: Node; args: Node }[] = [];
  for (const m of matches) {
    const c = m.captures;
    if (c.call) out.push({ call: c.call[0], receiver: c.receiver[0], method: c.method[0], args: c.args[0] });
  }
  return out;
}
