import type { Node } from 'web-tree-sitter';
import type { Fix, PythonRule, RuleFinding } from '../../engine/types';
import { nodeRange } from '../../parsing/pythonSyntax';
import { callWritten, LOGGING_READS, type LoggerKind, logCalls, loggerBindings, looksLikeLogger, receiverKind } from './_loggers';

const ID = 'logging-fstring';

type Formatting = 'f-string' | 'percent' | 'format' | 'concat' | 'positional';

const HOW: Record<Formatting, string> = {
  'f-string': 'is an f-string',
  percent: 'is built with `%`',
  format: 'is built with `.format()`',
  concat: 'is built with `+`',
  positional: 'is formatted from positional arguments',
};

const STRINGS = new Set(['string', 'concatenated_string']);

/** What a call's text holds when its message may be formatted: an f-string prefix, `%`, `+`, `.format`, or a second argument. */
const MAY_FORMAT = /[fF][rR]?['"]|%|\+|\.format\b|,/;

/** The string prefix letters (`rf`, `F`) and the quote that opens it. */
function opening(string: Node): { letters: string; quote: string } | undefined {
  const start = string.type === 'string' ? string.firstChild : undefined;
  if (start?.type !== 'string_start') return undefined;
  const m = /^([A-Za-z]*)(.*)$/s.exec(start.text)!;
  return { letters: m[1], quote: m[2] };
}

function isFString(node: Node): boolean {
  const open = opening(node);
  return !!open && /f/i.test(open.letters) && node.namedChildren.some((c) => c.type === 'interpolation');
}

function formattingOf(message: Node, extraPositional: boolean): Formatting | undefined {
  switch (message.type) {
    case 'string':
      if (isFString(message)) return 'f-string';
      return extraPositional ? 'positional' : undefined;
    case 'concatenated_string':
      if (message.namedChildren.some(isFString)) return 'f-string';
      return extraPositional ? 'positional' : undefined;
    case 'binary_operator': {
      const op = message.childForFieldName('operator')?.type;
      const left = message.childForFieldName('left');
      const right = message.childForFieldName('right');
      if (!left || !right) return undefined;
      if (op === '%' && STRINGS.has(left.type)) return 'percent';
      // Two literals joined by `+` render the same as one.
      if (op === '+' && (STRINGS.has(left.type) || STRINGS.has(right.type)) && !(STRINGS.has(left.type) && STRINGS.has(right.type))) return 'concat';
      return undefined;
    }
    case 'call': {
      const fn = message.childForFieldName('function');
      const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      if (object && STRINGS.has(object.type) && fn?.childForFieldName('attribute')?.text === 'format') return 'format';
      return undefined;
    }
    default:
      return undefined;
  }
}

// ---- The fix: a fixed event and key-value fields (structlog loggers only) ----

const DOTTED = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;
// structlog's own parameter, and keys its processors read with a meaning of their own.
const RESERVED_KEYS = new Set(['event', 'exc_info', 'stack_info', 'stacklevel', 'level', 'logger', 'timestamp']);
const EXCEPTION_NAMES = new Set(['e', 'ex', 'exc', 'err']);

/** The field name for a value: its last name without leading underscores; an exception's is `error`. */
export function fieldKey(expression: string): string {
  const last = expression.split('.').pop()!.trim().replace(/^_+/, '');
  return EXCEPTION_NAMES.has(last) ? 'error' : last;
}

const MARK = '\u0000';

/**
 * The event that is left when the values are taken out of a message: the literal pieces without
 * the separators, quotes and prepositions that only introduced a value.
 * `Reflection server at {url} failed to start.` → `Reflection server failed to start.`
 */
export function eventText(pieces: readonly string[]): string {
  let s = pieces.map((p) => p.replace(/\\[nt]/g, ' ')).join(MARK);
  s = s.replace(/(\\?['"`])\u0000\1/g, MARK);
  s = s.replace(/[([]\u0000[)\]]/g, MARK);
  s = s.replace(/[ \t]*(?:[:=]|\s-)[ \t]*\u0000/g, MARK);
  s = s.replace(/\b(?:at|by|for|from|in|of|on|to|via|with)[ \t]+\u0000/gi, MARK);
  s = s.replace(/\u0000/g, ' ');
  return s
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/^[\s:=,;-]+|[\s:=,;-]+$/g, '');
}

interface Field {
  key: string;
  value: string;
}

/** Pieces and values of an f-string whose every interpolation is a name or dotted attribute, without conversion or format. */
function fromFString(message: Node): { pieces: string[]; values: string[] } | undefined {
  const close = message.lastChild;
  if (close?.type !== 'string_end') return undefined;
  const bodyStart = message.firstChild!.endIndex;
  const pieces: string[] = [];
  const values: string[] = [];
  let at = bodyStart;
  for (const child of message.namedChildren) {
    if (child.type !== 'interpolation') continue;
    const m = /^\{\s*(.*?)\s*\}$/s.exec(child.text);
    if (!m || !DOTTED.test(m[1])) return undefined;
    pieces.push(literal(message, at, child.startIndex));
    values.push(m[1].replace(/\s+/g, ''));
    at = child.endIndex;
  }
  pieces.push(literal(message, at, close.startIndex));
  return { pieces: pieces.map((p) => p.replace(/\{\{/g, '{').replace(/\}\}/g, '}')), values };
}

/** The node's text between two of the tree's offsets (UTF-16, as the document's). */
function literal(node: Node, from: number, to: number): string {
  return node.text.slice(from - node.startIndex, to - node.startIndex);
}

/** Pieces of a plain `%s`-style message with one simple placeholder per value. */
function fromPercent(message: Node, args: readonly Node[]): { pieces: string[]; values: string[] } | undefined {
  const open = opening(message);
  const close = message.lastChild;
  if (!open || /[fb]/i.test(open.letters) || close?.type !== 'string_end') return undefined;
  const body = literal(message, message.firstChild!.endIndex, close.startIndex);
  const pieces: string[] = [];
  let current = '';
  for (const part of body.split(/(%.)/s)) {
    if (part === '%%') current += '%';
    else if (/^%[sdrif]$/.test(part)) (pieces.push(current), (current = ''));
    else if (part.startsWith('%') && part.length === 2) return undefined;
    else current += part;
  }
  pieces.push(current);
  if (pieces.length - 1 !== args.length || !args.every((a) => DOTTED.test(a.text))) return undefined;
  return { pieces, values: args.map((a) => a.text.replace(/\s+/g, '')) };
}

function keyValueFix(file: string, message: Node, formatting: Formatting, extra: readonly Node[], keywords: readonly string[], hasSplat: boolean): Fix | undefined {
  if (hasSplat) return undefined;
  const parts = formatting === 'f-string' && extra.length === 0 && message.type === 'string' ? fromFString(message) : formatting === 'positional' && message.type === 'string' ? fromPercent(message, extra) : undefined;
  if (!parts) return undefined;
  const event = eventText(parts.pieces);
  if (!event) return undefined;
  const fields: Field[] = [];
  for (const value of parts.values) {
    const key = fieldKey(value);
    const same = fields.find((f) => f.key === key);
    if (same && same.value !== value) return undefined;
    if (!same) fields.push({ key, value });
  }
  if (fields.some((f) => !/^[A-Za-z_]\w*$/.test(f.key) || RESERVED_KEYS.has(f.key) || keywords.includes(f.key))) return undefined;
  const open = opening(message)!;
  const newMessage = `${open.letters.replace(/f/gi, '')}${open.quote}${event}${open.quote}`;
  const edits =
    formatting === 'positional'
      ? [{ range: nodeRange(message), newText: newMessage }, ...extra.map((arg, i) => ({ range: nodeRange(arg), newText: `${fieldKey(parts.values[i])}=${parts.values[i]}` }))]
      : [{ range: nodeRange(message), newText: [newMessage, ...fields.map((f) => `${f.key}=${f.value}`)].join(', ') }];
  // The rendered message changes, so the fix is never safe.
  return { title: `Use key-value fields: ${fields.map((f) => `${f.key}=${f.value}`).join(', ')}`, safe: false, changes: [{ type: 'edit', file, edits }] };
}

function messageFor(formatting: Formatting, kind: LoggerKind | undefined): string {
  const base = `The log message ${HOW[formatting]}: log a fixed event and pass the values as key-value fields, e.g. \`logger.info('Processing model', model_name=model_name)\`.`;
  return kind === 'stdlib' ? `${base} This is a stdlib logger: move it to structlog first (see stdlib-logging).` : base;
}

export const loggingFstring: PythonRule = {
  id: ID,
  kind: 'python',
  reads: LOGGING_READS,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Logging',
  summary: 'a log message built with an f-string, `%`, `.format()` or `+`, or from positional arguments, instead of key-value fields',
  ruffTwin: 'G004',
  check({ matches, file, text }) {
    const bindings = loggerBindings(matches, text);
    const findings: RuleFinding[] = [];
    // Decided from the text where it can be (a logger's name, something to format), so that only
    // the candidates are looked up in the tree on every keystroke.
    const candidates = matches.filter((m) => {
      if (m.type !== 'call') return false;
      const written = callWritten(m, text);
      return (!written || bindings.has(written.receiver) || written.receiver === 'logging' || looksLikeLogger(written.receiver)) && MAY_FORMAT.test(text.slice(m.start, m.end));
    });
    for (const { receiver, method, args } of logCalls(candidates)) {
      const kind = receiverKind(receiver, bindings);
      if (!kind && !looksLikeLogger(receiver)) continue;
      const argNodes = args.namedChildren.filter((n) => n.type !== 'comment');
      const positional = argNodes.filter((n) => n.type !== 'keyword_argument' && n.type !== 'dictionary_splat');
      if (positional.some((n) => n.type === 'list_splat')) continue;
      // `log(level, event, ...)` takes the level first.
      const at = /^a?log$/.test(method.text) ? 1 : 0;
      const message = positional[at];
      if (!message) continue;
      const extra = positional.slice(at + 1);
      // Only structlog formats positional arguments as %-style; for a logger the module does not
      // bind, they may be a stdlib logger's lazy arguments, which are right for stdlib.
      const formatting = formattingOf(message, extra.length > 0 && kind === 'structlog');
      if (!formatting) continue;
      const finding: RuleFinding = { range: nodeRange(message), message: messageFor(formatting, kind) };
      if (kind === 'structlog') {
        const keywords = argNodes.filter((n) => n.type === 'keyword_argument').map((n) => n.childForFieldName('name')?.text ?? '');
        const fix = keyValueFix(file, message, formatting, extra, keywords, argNodes.some((n) => n.type === 'dictionary_splat'));
        if (fix) finding.fix = fix;
      }
      findings.push(finding);
    }
    return findings;
  },
};
