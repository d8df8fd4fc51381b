// The logging rules beyond their fixtures: messages, fix titles and safety, Ruff's noqa twin, and
// the helpers that write the key-value event.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Rule } from '../src/engine/types';
import { eventText, fieldKey } from '../src/rules/logging/logging-fstring';
import { loggingFstring } from '../src/rules/logging/logging-fstring';
import { stdlibLogging } from '../src/rules/logging/stdlib-logging';
import { syncLogInAsync } from '../src/rules/logging/sync-log-in-async';
import { sessionWith } from './fixtureHarness';

async function lint(rule: Rule, text: string): Promise<Finding[]> {
  return (await sessionWith([rule])).lintText(join(tmpdir(), 'sample.py'), text);
}

describe('logging-fstring details', () => {
  const head = 'import structlog\n\nlogger = structlog.get_logger(__name__)\n\n\n';

  it("says how the message is built and offers an unsafe key-value fix on structlog's loggers", async () => {
    const [f] = await lint(loggingFstring, `${head}def f(spec):\n    logger.warning(f'Reflection server at {spec.url} failed to start.')\n`);
    assert.equal(f.rule, 'logging-fstring');
    assert.equal(
      f.message,
      "The log message is an f-string: log a fixed event and pass the values as key-value fields, e.g. `logger.info('Processing model', model_name=model_name)`.",
    );
    assert.deepEqual(f.range, { start: { line: 6, character: 19 }, end: { line: 6, character: 70 } });
    assert.equal(f.fix?.title, 'Use key-value fields: url=spec.url');
    assert.equal(f.fix?.safe, false);
    const change = f.fix!.changes[0];
    assert.ok(change.type === 'edit');
    assert.deepEqual(change.edits, [{ range: f.range, newText: "'Reflection server failed to start.', url=spec.url" }]);
  });

  it('names a stdlib logger and offers no fix there (key-value arguments would raise TypeError)', async () => {
    const [f] = await lint(loggingFstring, "import logging\n\nlogger = logging.getLogger(__name__)\nlogger.info(f'x {y}')\n");
    assert.match(f.message, /This is a stdlib logger: move it to structlog first \(see stdlib-logging\)\.$/);
    assert.ok(!('fix' in f));
  });

  it('offers no fix for a logger the module does not bind (it may be a stdlib logger)', async () => {
    const [f] = await lint(loggingFstring, "def f(logger, y):\n    logger.info(f'x {y}')\n");
    assert.ok(f && !('fix' in f));
  });

  it("is silenced by Ruff's `# noqa: G004`", async () => {
    assert.deepEqual(await lint(loggingFstring, `${head}logger.info(f'x {y}')  # noqa: G004\n`), []);
  });

  it('writes the event without the words that only introduced a value', () => {
    assert.equal(eventText(['Writing runtime file: ', '']), 'Writing runtime file');
    assert.equal(eventText(['Registered prompt "', '" from "', '"']), 'Registered prompt');
    assert.equal(eventText(['Reflection server at ', ' failed to start.']), 'Reflection server failed to start.');
    assert.equal(eventText(['', ' exporter added successfully.']), 'exporter added successfully.');
    assert.equal(eventText(['', '\\n', '']), '');
  });

  it('names a field after the last name of its value, and an exception `error`', () => {
    assert.equal(fieldKey('spec.url'), 'url');
    assert.equal(fieldKey('self._runtime_dir'), 'runtime_dir');
    assert.equal(fieldKey('e'), 'error');
  });
});

describe('sync-log-in-async details', () => {
  it('names the async method and offers the unsafe `await … a<level>(...)` rewrite', async () => {
    const [f] = await lint(syncLogInAsync, "import structlog\n\nlogger = structlog.get_logger()\n\n\nasync def f():\n    logger.debug('done')\n");
    assert.equal(f.rule, 'sync-log-in-async');
    assert.equal(f.severity, 'info');
    assert.equal(f.message, "Sync log call `.debug(...)` inside `async def`: use `await <logger>.adebug(...)`, structlog's async method, in coroutines.");
    assert.deepEqual(f.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 16 } });
    assert.equal(f.fix?.safe, false);
    const change = f.fix!.changes[0];
    assert.ok(change.type === 'edit');
    assert.deepEqual(
      change.edits.map((e) => [e.range.start.character, e.range.end.character, e.newText]),
      [
        [4, 4, 'await '],
        [11, 16, 'adebug'],
      ],
    );
  });

  it('leaves a name bound to two different loggers alone', async () => {
    const text = "import logging\nimport structlog\n\nlogger = structlog.get_logger()\nlogger = logging.getLogger()\n\n\nasync def f():\n    logger.info('x')\n";
    assert.deepEqual(await lint(syncLogInAsync, text), []);
  });
});

describe('stdlib-logging details', () => {
  it('says what to use instead', async () => {
    const [module, call] = await lint(stdlibLogging, "import logging\n\nlogger = logging.getLogger(__name__)\nlogging.info('x')\n");
    assert.equal(module.message, "A stdlib logger for this module: use structlog, `logger = get_logger(__name__)` (the guidelines' helper around `structlog.get_logger`).");
    assert.equal(call.message, "`logging.info(...)` logs through the stdlib root logger: use a structlog logger, `logger = get_logger(__name__)`, then `logger.info('event', key=value)`.");
    assert.ok(!('fix' in module) && !('fix' in call));
  });

  it('names the stdlib function behind an imported name or alias', async () => {
    const text = "from logging import getLogger as get_stdlib_logger\nfrom logging import warning as warn\nimport logging as log\n\nlogger = get_stdlib_logger(__name__)\nwarn('x')\nlog.info('y')\n";
    const [module, warning, info] = await lint(stdlibLogging, text);
    assert.equal(module.message, "A stdlib logger for this module (`get_stdlib_logger` is `logging.getLogger`): use structlog, `logger = get_logger(__name__)` (the guidelines' helper around `structlog.get_logger`).");
    assert.equal(warning.message, "`warn(...)` logs through the stdlib root logger (`warn` is `logging.warning`): use a structlog logger, `logger = get_logger(__name__)`, then `logger.warning('event', key=value)`.");
    assert.equal(info.message, "`log.info(...)` logs through the stdlib root logger (`log.info` is `logging.info`): use a structlog logger, `logger = get_logger(__name__)`, then `logger.info('event', key=value)`.");
  });

  it('reads only calls named exactly as logging or a logging import: a longer name that starts the same is another', async () => {
    const text = "import logging as log\nfrom logging import warning\n\nlogx.info('a')\nloggingx.info('b')\nwarnings('c')\nlog_warning('d')\nlog.info('e')\nwarning ('f')\n";
    const found = (await lint(stdlibLogging, text)).map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);
    assert.deepEqual(found, ['7:0-8', '8:0-7']);
  });

  it('reads the imports of the whole module: a name is a logger only once logging binds it', async () => {
    const call = "\n\ndef f():\n    return getLogger(__name__)\n";
    assert.deepEqual(await lint(stdlibLogging, `from structlog.stdlib import getLogger\n${call}`), []);
    const [f] = await lint(stdlibLogging, `from logging import getLogger\n${call}`);
    assert.deepEqual(f.range, { start: { line: 4, character: 11 }, end: { line: 4, character: 30 } });
  });

  it('leaves the files `allow` names alone (the logging set-up module)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyguide-stdlib-logging-'));
    try {
      writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyguide]\npreset = "genkit"\n\n[tool.pyguide.rules.stdlib-logging]\nallow = ["src/*/_logger.py"]\n');
      const session = await sessionWith([stdlibLogging]);
      const text = "import logging\n\nlogger = logging.getLogger(__name__)\n";
      assert.deepEqual(session.lintText(join(dir, 'src', 'pkg', '_logger.py'), text), []);
      assert.equal(session.lintText(join(dir, 'src', 'pkg', 'other.py'), text).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
