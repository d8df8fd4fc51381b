// Drives code-server's workbench in Debian's Chromium through playwright-core.
//   tests: opens the workspace with the extension loaded from source (extensionDevelopmentPath) and
//          the mocha suite as extensionTestsPath; resolves to the suite's exit code.
//   ui:    uses the installed .vsix like a person would (Ctrl+P, squiggles, Problems, Ctrl+.,
//          the command palette) and saves a screenshot of each step.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const NOISE = /open-vsx|connection token|Creating a socket|Service Worker|ChatSessionStore|builtin extensions cache|\[TextMate\]|Started local extension host/;

async function launch(outDir) {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('console', (m) => appendFileSync(join(outDir, 'console.log'), `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(join(outDir, 'console.log'), `[pageerror] ${e}\n`));
  return { browser, page };
}

function workbenchUrl(port, { folder, workspace, payload }) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (workspace) params.set('workspace', workspace);
  if (payload) params.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${params}`;
}

/** Runs the mocha suite inside the extension host; resolves to its exit code (0 = passed) and mocha's counts. */
export async function runSuite({ port, outDir, workspace, extensionPath, testsPath, timeoutMs = 300_000 }) {
  const { browser, page } = await launch(outDir);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  let exitCode = null;
  const counts = { passed: 0, failed: 0, pending: 0 };
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...args);
    const count = /^\s*(\d+) (passing|failing|pending)\b/.exec(text);
    if (count) counts[{ passing: 'passed', failing: 'failed', pending: 'pending' }[count[2]]] = Number(count[1]);
    appendFileSync(join(outDir, 'extension-host.log'), `[${type}] ${text}\n`);
    if (!NOISE.test(text)) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
  });
  try {
    await page.goto(workbenchUrl(port, { workspace, payload: [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsPath)]] }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const end = Date.now() + timeoutMs;
    while (exitCode === null && Date.now() < end) await page.waitForTimeout(250);
    await page.screenshot({ path: join(outDir, 'suite-end.png') });
    if (exitCode === null) console.log(`[e2e] the suite did not finish within ${timeoutMs / 1000} s`);
    return { exitCode: exitCode ?? 1, ...counts };
  } finally {
    await browser.close();
  }
}

/** The UI pass; throws on the first step that does not show what it should. */
export async function runUi({ port, outDir, folder, sample, expected, rules, log }) {
  const { browser, page } = await launch(outDir);
  let step = 0;
  const shot = async (name, settle = 400) => {
    await page.waitForTimeout(settle);
    const path = join(outDir, `${String(++step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    log(`screenshot ${path}`);
  };
  const palette = async (command) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(command);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command.replace(/^>/, '') }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
    await page.waitForSelector('.monaco-editor .view-lines');
  };
  const goToLine = async (line, column) => {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  };
  // The rendered lines, top to bottom (the DOM keeps them in no particular order).
  const editorText = async () =>
    (
      await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
        els
          .map((e) => [parseFloat(e.style.top), e.textContent])
          .sort((a, b) => a[0] - b[0])
          .map((l) => l[1])
          .join('\n'),
      )
    ).replace(/\u00a0/g, ' ');
  const revert = async () => {
    await palette('File: Revert File');
    await page.waitForTimeout(300);
  };
  const problems = () => page.locator('.markers-panel .monaco-list-row').allInnerTexts();

  try {
    await page.goto(workbenchUrl(port, { folder }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    log('workbench up, explorer populated');
    // Workspace trust is on and the folder is not trusted: pyguide has to work in Restricted Mode.
    await page
      .locator('.statusbar-item', { hasText: 'Restricted Mode' })
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => {
        throw new Error('expected the workspace to open in Restricted Mode');
      });
    log('Restricted Mode (untrusted workspace)');

    // 1. Ctrl+P opens a file; the squiggles appear.
    await openFile('core.py');
    await page.waitForSelector('.squiggly-warning', { timeout: 60_000 });
    log(`core.py: ${await page.locator('.squiggly-warning').count()} warning squiggles`);
    // The hover over the squiggle, opened from the keyboard (Ctrl+K Ctrl+I) with the cursor on it:
    // a mouse hover depends on where the pointer was before.
    const noqa = lineAndColumn(join(folder, 'packages/genkit/src/genkit/core.py'), '# noqa');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await goToLine(noqa.line, noqa.column + 2);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: 'bare-noqa' }).first().waitFor({ timeout: 10_000 });
    await shot('squiggle-hover');
    await page.mouse.move(5, 400);

    // 2. The Problems panel lists them with the rule code.
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20_000 });
    const rows = await problems();
    log(`problems: ${JSON.stringify(rows)}`);
    if (!rows.some((r) => r.includes('bare-noqa'))) throw new Error('no bare-noqa row in the Problems panel');
    await shot('problems-panel');

    // 3. The language status shows the server and the findings.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    const languageStatus = page.locator('[id="status.languageStatus"]');
    await languageStatus.click();
    const hover = page.locator('.monaco-hover, .context-view', { hasText: 'finding' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const statusText = await hover.innerText();
    log(`language status: ${JSON.stringify(statusText)}`);
    if (!/server running/.test(statusText) || !/\d+ findings?/.test(statusText)) throw new Error(`unexpected language status: ${statusText}`);
    await shot('language-status');
    await page.keyboard.press('Escape');

    // 4. A quick fix with Ctrl+. : move the in-function import (or, before that rule exists, ignore the noqa).
    const lazy = rules.has('in-function-import');
    const [file, needle] = lazy ? ['lazy.py', 'import json'] : ['core.py', '# noqa'];
    await openFile(file);
    const at = lineAndColumn(join(folder, 'packages/genkit/src/genkit', file), needle);
    await goToLine(at.line, at.column + 2);
    const title = lazy ? 'Move import to top of file' : 'Ignore bare-noqa for this line';
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await shot('quick-fix-menu');
    // Like a person at the keyboard: arrow down to the action, Enter.
    for (let i = 0; i < 12; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
      if (focused.includes(title)) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    const after = await editorText();
    log(`after "${title}": ${JSON.stringify(after.split('\n').slice(0, 8))}`);
    if (lazy ? !/^import json$/m.test(after) : !/pyguide: ignore\[bare-noqa\]/.test(after)) throw new Error(`quick fix "${title}" did not change the text as expected`);
    await shot('after-quick-fix');
    // VS Code saves files changed by a code action (files.refactoring.autoSave): undo, and save that.
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await page.waitForTimeout(300);

    // 5. Check Workspace from the palette. First with enough files to watch the progress
    //    notification count them, and to press its Cancel button: nothing may land in Problems.
    const bulk = join(folder, 'bulk');
    mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < 10_000; i++) writeFileSync(join(bulk, `m${i}.py`), `# Copyright 2025 Google LLC\n#\n# SPDX-License-Identifier: Apache-2.0\n\nVALUE = ${i}  # noqa\n`);
    await palette('Pyguide: Check Workspace');
    const counting = page.locator('.notifications-toasts .notification-list-item', { hasText: /\d+\/\d+ files/ }).first();
    await counting.waitFor({ timeout: 30_000 });
    log(`progress: ${JSON.stringify(await counting.locator('.notification-list-item-message').innerText())}`);
    await shot('check-workspace-progress', 0);
    await counting.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator('.statusbar-item', { hasText: 'Check Workspace cancelled' }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    if ((await problems()).some((r) => /^m\d+\.py/.test(r))) throw new Error('a cancelled Check Workspace left findings in the Problems panel');
    log('cancelled: nothing published');
    rmSync(bulk, { recursive: true, force: true });
    // Then to the end: the findings of closed files fill the Problems panel.
    await palette('Pyguide: Check Workspace');
    const done = page.locator('.notifications-toasts .notification-list-item-message', { hasText: /Pyguide checked \d+ files?/ });
    await done.waitFor({ timeout: 60_000 });
    log(`check workspace: ${await done.innerText()}`);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'closed.py' }).first().waitFor({ timeout: 20_000 });
    await shot('check-workspace');
    log(`problems after Check Workspace: ${JSON.stringify(await problems())}`);

    // 6. The ELI5 table command, through its input boxes, inside a docstring; the grammar colours it.
    await page.keyboard.press('Control+J'); // hide the panel: more room for the table
    await openFile('docs.py');
    // The whitespace-only line inside traced()'s docstring (the editor renders only what is in view).
    await goToLine(lineAndColumn(join(folder, 'packages/genkit/src/genkit/docs.py'), /^    $/).line, 5);
    await palette('Pyguide: Insert ELI5 Concepts Table');
    for (const answer of ['Span', 'A "timer" that records how long something took. Like a stopwatch for one task.', 'Exporter', 'Ships your traces somewhere (X-Ray, Jaeger). Like a postal service for telemetry data.', '']) {
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(answer);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
    }
    await page.locator('.view-line', { hasText: 'Like a postal service for telemetry data.' }).first().waitFor({ timeout: 10_000 });
    const table = await editorText();
    if (!table.includes('│ Span                │ A "timer" that records how long something      │')) throw new Error(`ELI5 table not as expected:\n${table}`);
    const heading = await colorOf(page, 'Key Concepts (ELI5)::');
    const plain = await colorOf(page, 'Runs one traced step.');
    log(`docstring colours: heading ${heading}, plain docstring ${plain}`);
    if (!heading || heading === plain) throw new Error('the ELI5 heading is not highlighted differently from the docstring');
    await page.keyboard.press('Escape');
    await shot('eli5-table');
    await revert();

    // 7. Check Workspace on the Genkit-shaped sample: every expected finding lands in Problems.
    await page.goto(workbenchUrl(port, { folder: sample }));
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await openFile('pyproject.toml');
    await palette('Pyguide: Check Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: /Pyguide checked \d+ files?/ }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20_000 });
    await palette('View: Toggle Maximized Panel');
    await shot('sample-check-workspace');
    await palette('Problems: Focus on Problems View');
    // Problems lists a file's findings under its name; compare "file rule [Ln, Col]" triples.
    const want = expected.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
      const m = /^(.*):(\d+):(\d+)-\d+:\d+ (\S+)$/.exec(l);
      return `${m[1].split('/').pop()} ${m[4]} [Ln ${m[2]}, Col ${m[3]}]`;
    });
    // A window tall enough for every row of the maximized panel: nothing depends on scrolling it.
    await page.setViewportSize({ width: 1400, height: 2400 });
    await page.waitForTimeout(500);
    // On a busy machine the virtual list can still be re-rendering while it is read (rows missed, never
    // extra ones): read it again a few times before calling a difference real.
    let seen = await problemTriples(page);
    for (let attempt = 0; attempt < 4 && JSON.stringify([...seen].sort()) !== JSON.stringify([...want].sort()); attempt++) {
      log(`sample: read ${seen.length} of ${want.length} problems; reading the panel again`);
      await page.waitForTimeout(1000);
      seen = await problemTriples(page);
    }
    await page.setViewportSize({ width: 1400, height: 860 });
    log(`sample: ${seen.length} problems, ${want.length} expected`);
    if (JSON.stringify([...seen].sort()) !== JSON.stringify([...want].sort())) {
      throw new Error(`the Problems panel shows ${JSON.stringify(seen)}, expected ${JSON.stringify(want)}`);
    }
    log('ui pass done');
  } catch (e) {
    await page.screenshot({ path: join(outDir, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

/**
 * Every finding in the Problems panel as "file rule [Ln L, Col C]". The list is virtual: page
 * through it, keep each row's text by its index, then walk the rows in order (a file's row comes
 * before its findings' rows).
 */
async function problemTriples(page) {
  const rows = new Map();
  const collect = async () => {
    for (const r of await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => [Number(e.dataset.index), e.innerText]))) rows.set(r[0], r[1]);
  };
  // The focus is in the list (a click on a file row would fold it).
  await page.keyboard.press('Home');
  await page.waitForTimeout(150);
  await collect();
  for (let i = 0, idle = 0; i < 100 && idle < 3; i++) {
    const before = rows.size;
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(150);
    await collect();
    idle = rows.size === before ? idle + 1 : 0;
  }
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await collect();
  // Keyboard paging can jump over rows of a busy panel: scroll it from the top too, a few rows at a
  // time (rows are keyed by their index, so nothing is counted twice).
  const list = page.locator('.markers-panel .monaco-list').first();
  await list.hover();
  await page.mouse.wheel(0, -100_000);
  await page.waitForTimeout(200);
  await collect();
  for (let i = 0, idle = 0; i < 200 && idle < 3; i++) {
    const before = rows.size;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(120);
    await collect();
    idle = rows.size === before ? idle + 1 : 0;
  }
  const triples = [];
  let file = '';
  for (const [, text] of [...rows].sort((a, b) => a[0] - b[0])) {
    const parts = text.replace(/\u00a0/g, ' ').split('\n');
    const at = parts.find((p) => /^\[Ln \d+, Col \d+\]$/.test(p));
    // A finding's row reads "message / pyguide / rule / [Ln, Col]"; a related-information row has no source.
    if (!at) file = /^\S+?\.(?:py|pyi|toml)|^[^\s/]+/.exec(parts[0])?.[0] ?? parts[0];
    else if (parts.includes('pyguide')) triples.push(`${file} ${parts[parts.indexOf(at) - 1]} ${at}`);
  }
  return triples;
}

/** 1-based line and column of the first match of `needle` in a file, as Ctrl+G takes them. */
function lineAndColumn(path, needle) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
  if (line < 0) throw new Error(`${path} has no line matching ${needle}`);
  return { line: line + 1, column: (typeof needle === 'string' ? lines[line].indexOf(needle) : 0) + 1 };
}

/** The colour of the token that starts `text` in the visible editor. */
async function colorOf(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.editor-group-container.active .view-line')) {
      if (!line.textContent.replace(/\u00a0/g, ' ').includes(needle)) continue;
      for (const span of line.querySelectorAll('span span')) {
        if (span.textContent.replace(/\u00a0/g, ' ').includes(needle.split(' ')[0])) return getComputedStyle(span).color;
      }
    }
    return null;
  }, text);
}
