import type { Node } from 'web-tree-sitter';
import type { PythonRule, RuleFinding, SyntaxMatch } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { bindingPatterns, importedFromAt, importItems, isModuleAt, nameMentions, ScopedNames } from '../python/_imports';
import { assignmentWritten, squeeze } from '../_writtenSyntax';

const ID = 'threading-lock-in-async';
const LOCK_TYPES = ['Lock', 'RLock', 'Condition', 'Semaphore', 'BoundedSemaphore'] as const;
type LockType = (typeof LOCK_TYPES)[number];

// `with` statements, assignments of a call that may make a lock, the imports from `threading` that
// say which names do (`from threading import Lock as L`, `import threading as th`), each binding of
// the name `threading`, and the call of each `x = threading.<Lock>()` (the module's locks, context
// of every `with`). A bare factory may be any alias, so that pattern is not narrowed to the lock
// types: the check reads only the assignments whose factory a threading import binds.
const QUERY = `
(with_statement) @with
((assignment left: [(identifier) (attribute)] right: (call function: [(identifier) (attribute)] @factory)) @binding
  (#match? @factory "^([A-Za-z_]\\\\w*|[A-Za-z_]\\\\w*\\\\.(Lock|RLock|Condition|Semaphore|BoundedSemaphore))$"))
((import_from_statement module_name: (dotted_name) @from) @threading_import (#eq? @from "threading"))
((import_statement name: (aliased_import name: (dotted_name) @from)) @threading_import (#eq? @from "threading"))
${bindingPatterns('threading', 'threading_name')}
((assignment left: [(identifier) (attribute)] right: (call function: (attribute object: (identifier) @threading_module) @lock_factory) @threading_lock)
  (#eq? @threading_module "threading") (#match? @lock_factory "^threading\\.(Lock|RLock|Condition|Semaphore|BoundedSemaphore)$"))
`;

const isImport = (m: SyntaxMatch) => m.type === 'import_from_statement' || m.type === 'import_statement';

/**
 * Whether the module's threading imports bind the module by no name but `threading` and import
 * no lock type (`import threading`, `from threading import Thread`, or none at all). Then only
 * `threading.<Lock>()` makes a lock, and whether `threading` there is the module depends on the
 * bindings of `threading`: every such call and binding is a match of the context, so a `with`
 * statement's findings hold until one of those is typed or deleted. An alias of the module
 * or an imported lock type may be bound or called anywhere by a name the context does not follow:
 * every statement is checked at every edit then.
 */
function keepsFindings(context: readonly SyntaxMatch[]): boolean {
  return context.every((m) => !isImport(m) || importItems(m.node).every((item) => (item.value === 'module threading' ? item.name === 'threading' : !LOCK_TYPES.some((t) => item.value === `from threading ${t}`))));
}

const isLockType = (name: string): name is LockType => (LOCK_TYPES as readonly string[]).includes(name);

/**
 * Names and `self.` attributes the module assigns a threading lock, by their text; two different
 * kinds make `undefined`. A factory counts when it is threading's where it is called: `threading`
 * (or an alias of it) not rebound, or a name imported from `threading` and bound to nothing else.
 */
function threadingLocks(matches: readonly SyntaxMatch[], text: string, root: Node): Map<string, LockType | undefined> {
  // `threading` itself, and every name a `threading` import binds.
  const candidates = new Set(['threading']);
  for (const m of matches) {
    if (isImport(m)) for (const item of importItems(m.node)) candidates.add(item.name);
  }
  // The assignments given, and those of the `threading.<Lock>()` calls given as context (an edit
  // elsewhere leaves them out of the matches to check): each once, in document order.
  const assignments = new Map<number, Pick<SyntaxMatch, 'start' | 'end' | 'node'>>();
  for (const m of matches) {
    if (m.type === 'assignment') assignments.set(m.start, m);
    else if (m.type === 'call') {
      const assignment = m.node.parent!;
      if (!assignments.has(assignment.startIndex)) assignments.set(assignment.startIndex, { start: assignment.startIndex, end: assignment.endIndex, node: assignment });
    }
  }
  let names: ScopedNames | undefined;
  const locks = new Map<string, LockType | undefined>();
  for (const m of [...assignments.values()].sort((a, b) => a.start - b.start)) {
    const written = assignmentWritten(m, text);
    if (!written) continue;
    const [head, type] = written.factory.split('.');
    if (!candidates.has(head)) continue;
    names ??= new ScopedNames(root, nameMentions(text, candidates));
    let lock: LockType | undefined;
    if (type !== undefined) {
      // A module not imported at all is taken at its word, as before imports were read.
      if (isLockType(type) && isModuleAt(names, m.node, head, 'threading')) lock = type;
    } else {
      const original = importedFromAt(names, m.node, head, 'threading');
      if (original && isLockType(original)) lock = original;
    }
    if (!lock) continue;
    const target = written.target;
    locks.set(target, locks.has(target) && locks.get(target) !== lock ? undefined : lock);
  }
  return locks;
}

/** The `async def` a statement runs in directly (not through a nested def, lambda or class). */
function inCoroutine(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return n.firstChild?.type === 'async';
    if (n.type === 'lambda' || n.type === 'class_definition') return false;
  }
  return false;
}

const isAsync = (n: Node) => n.firstChild?.type === 'async';

/** The first point in a block where the coroutine can be suspended: `await`, `async with`, `async for`. */
function firstSuspension(block: Node): Node | undefined {
  const stack: Node[] = [...block.namedChildren].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') continue;
    if (n.type === 'await' || ((n.type === 'with_statement' || n.type === 'for_statement' || n.type === 'for_in_clause') && isAsync(n))) return n;
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
  return undefined;
}

const WHY: Record<LockType, string> = {
  Lock: 'a second coroutine that reaches it blocks the event loop thread, which then never runs the first one to release it: a deadlock',
  RLock: 'every coroutine runs on the loop thread, so a second one re-enters the RLock at once: it gives no mutual exclusion between coroutines',
  Condition: "a Condition holds an RLock by default: a second coroutine re-enters it at once, so it gives no mutual exclusion between coroutines",
  Semaphore: 'when it is used up, the next coroutine blocks the event loop thread until a thread releases it',
  BoundedSemaphore: 'when it is used up, the next coroutine blocks the event loop thread until a thread releases it',
};

export const threadingLockInAsync: PythonRule = {
  id: ID,
  kind: 'python',
  options: { strict: { type: 'boolean' } },
  // Which names make locks depends on the module's imports and assignments: they are the context.
  reads: { query: QUERY, scope: 'each', context: ['import_from_statement', 'import_statement', 'identifier', 'call'], keepsFindings, namesLines: true },
  defaultSeverity: 'error',
  guideline: 'Code Reviewer Preferences › Threading, Asyncio & Event-Loop Audit Checklist',
  summary: 'a `threading` lock held across an `await` in `async def`',
  check({ matches, config, file, text, tree }) {
    const locks = threadingLocks(matches, text, tree.rootNode);
    if (locks.size === 0) return [];
    const lockNames = [...locks.keys()];
    const strict = config.ruleOptions[ID]?.strict === true;
    const findings: RuleFinding[] = [];
    for (const m of matches) {
      if (m.type !== 'with_statement') continue;
      // A `with` that names no lock anywhere is none of this rule's business.
      const written = text.slice(m.start, m.end);
      if (!lockNames.some((name) => written.includes(name.slice(name.lastIndexOf('.') + 1)))) continue;
      const statement = m.node;
      if (!statement || isAsync(statement) || !inCoroutine(statement)) continue;
      const clause = statement.namedChildren.find((c) => c.type === 'with_clause');
      const body = statement.childForFieldName('body');
      if (!clause || !body) continue;
      for (const item of clause.namedChildren) {
        const value = item.type === 'with_item' ? item.childForFieldName('value') : undefined;
        if (!value) continue;
        const name = squeeze(value.text);
        const type = locks.get(name);
        if (!type) continue;
        const suspension = firstSuspension(body);
        if (suspension) {
          findings.push({
            range: nodeRange(value),
            message: `\`${name}\` is a threading.${type} held across an \`await\` (line ${suspension.startPosition.row + 1}): ${WHY[type]}. Release it before awaiting (copy what you need under the lock, await outside), or use an asyncio lock if no thread shares it.`,
            related: [{ file, range: nodeRange(suspension), message: 'awaits here while holding the lock' }],
          });
        } else if (strict) {
          findings.push({
            range: nodeRange(value),
            severity: 'warning',
            message: `\`${name}\` is a threading.${type} taken inside \`async def\`: the guidelines want no threading locks in async code; it blocks the event loop while another thread holds it.`,
          });
        }
      }
    }
    return findings;
  },
};
