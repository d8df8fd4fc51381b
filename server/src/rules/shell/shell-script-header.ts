import { basename, relative, sep } from 'node:path';
import { SHELL_SHEBANG } from '../../engine/fileKinds';
import { globProblem, optionGlobs } from '../../engine/glob';
import type { Fix, RuleFinding, ShellContext, ShellRule, TextEdit } from '../../engine/types';
import { rangeAt } from '../../base/text';
import type { ShellLine } from '../../parsing/shellScript';

const ID = 'shell-script-header';
const ENV_BASH = '#!/usr/bin/env bash';
const STRICT = 'set -euo pipefail';
/**
 * Spellings of `#!/usr/bin/env bash` the kernel runs exactly alike: it skips blanks after `#!` and
 * drops trailing blanks of the line. Rewriting these is the only fix that cannot change what runs.
 */
const SAME_AS_ENV_BASH = /^#![ \t]*\/usr\/bin\/env[ \t]+bash[ \t]*$/;
/** A bash shebang without arguments: `#!/bin/bash`, `#!/usr/local/bin/bash`, `#!/usr/bin/env bash`. */
const PLAIN_BASH = /^#![ \t]*(?:\S*\/)?(?:env[ \t]+)?bash[ \t]*$/;

interface Strictness {
  e: boolean;
  u: boolean;
  pipefail: boolean;
}

const LONG_NAMES: Record<string, keyof Strictness> = { errexit: 'e', nounset: 'u', pipefail: 'pipefail' };

/**
 * Applies a line of `set` commands (`set -euo pipefail`, `set -e -u -o pipefail`, `set -o errexit`,
 * `set +e`, several joined by `;`) to `state`. Returns false when the line is anything else: the
 * first command.
 */
function applySetLine(line: ShellLine, state: Strictness): boolean {
  const code = line.commentAt === undefined ? line.text : line.text.slice(0, line.commentAt);
  if (/["'`$\\(){}|&<>]/.test(code)) return false;
  const commands = code.split(';').map((c) => c.trim()).filter((c) => c !== '');
  if (commands.length === 0 || !commands.every((c) => /^set(?:\s|$)/.test(c))) return false;
  for (const command of commands) {
    const words = command.split(/\s+/).slice(1);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      // `--` or `-` end the options; what follows sets the positional parameters.
      if (!/^[-+][a-zA-Z]+$/.test(word)) break;
      const on = word[0] === '-';
      for (const flag of word.slice(1)) {
        if (flag === 'e' || flag === 'u') state[flag] = on;
        else if (flag === 'o') {
          const name = LONG_NAMES[words[++i] ?? ''];
          if (name) state[name] = on;
        }
      }
    }
  }
  return true;
}

/** Where `set -euo pipefail` goes: after the header's last `set` line, else after its last blank line, else before the command. */
function strictModeEdit(header: readonly ShellLine[], command: ShellLine, eol: string): TextEdit {
  const lastSet = [...header].reverse().find((l) => l.kind === 'code');
  if (lastSet) return { range: rangeAt(lastSet.line + 1, 0, 0), newText: `${STRICT}${eol}` };
  const lastBlank = [...header].reverse().find((l) => l.kind === 'blank' && l.line > 0);
  if (lastBlank) return { range: rangeAt(lastBlank.line + 1, 0, 0), newText: `${STRICT}${eol}${eol}` };
  return { range: rangeAt(command.line, 0, 0), newText: `${STRICT}${eol}` };
}

function editFix(title: string, safe: boolean, file: string, edits: TextEdit[]): Fix {
  return { title, safe, changes: [{ type: 'edit', file, edits }] };
}

/** What is wrong with line 1, if anything; `bash: false`: no bash script as far as pyguide can tell (`sh`, another interpreter, no shebang), left alone. */
function shebangFinding(ctx: ShellContext, lines: readonly ShellLine[]): { finding?: RuleFinding; bash: boolean } {
  const first = lines[0];
  const interpreter = SHELL_SHEBANG.exec(first.text)?.[1];
  if (first.text.startsWith('#!')) {
    if (interpreter !== 'bash') return { bash: false };
    if (first.text === ENV_BASH) return { bash: true };
    const range = rangeAt(0, 0, first.text.length);
    const message = `Shell scripts start with \`${ENV_BASH}\` (line 1 is \`${first.text.trim()}\`)`;
    if (SAME_AS_ENV_BASH.test(first.text)) return { bash: true, finding: { range, message, fix: editFix(`Write \`${ENV_BASH}\``, true, ctx.file, [{ range, newText: ENV_BASH }]) } };
    // `#!/bin/bash` runs that bash, `env` the first on PATH (another version, on macOS): not the same program.
    if (PLAIN_BASH.test(first.text)) return { bash: true, finding: { range, message, fix: editFix(`Use \`${ENV_BASH}\``, false, ctx.file, [{ range, newText: ENV_BASH }]) } };
    // Arguments on the shebang line (`#!/bin/bash -e`) would be lost: no fix.
    return { bash: true, finding: { range, message: `${message}; move its options to a \`set\` line` } };
  }
  // A `#!` line further down the leading comments is a shebang written below the licence header.
  const misplaced = lines.slice(1).find((l, i, rest) => l.kind === 'comment' && l.text.startsWith('#!') && rest.slice(0, i).every((p) => p.kind !== 'code'));
  if (misplaced) {
    const kind = SHELL_SHEBANG.exec(misplaced.text)?.[1];
    if (kind !== 'bash') return { bash: false };
    const range = rangeAt(misplaced.line, 0, misplaced.text.length);
    const edits = [
      { range: rangeAt(0, 0, 0), newText: `${ENV_BASH}${ctx.script.eol}` },
      { range: { start: { line: misplaced.line, character: 0 }, end: { line: misplaced.line + 1, character: 0 } }, newText: '' },
    ];
    return { bash: true, finding: { range, message: `The shebang must be line 1, before the licence header: \`${ENV_BASH}\``, fix: editFix(`Move it to line 1 as \`${ENV_BASH}\``, false, ctx.file, edits) } };
  }
  // No shebang: a library that is sourced (it runs in its caller's shell and must not set the
  // caller's options) or a script run as `bash x.sh`; pyguide cannot tell which, so it says nothing.
  return { bash: false };
}

function strictModeFinding(ctx: ShellContext, lines: readonly ShellLine[]): RuleFinding | undefined {
  const state: Strictness = { e: false, u: false, pipefail: false };
  const start = lines[0].text.startsWith('#!') ? 1 : 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'code' || applySetLine(line, state)) continue;
    const missing = [state.e ? '' : '-e', state.u ? '' : '-u', state.pipefail ? '' : '-o pipefail'].filter((m) => m !== '');
    if (missing.length === 0) return undefined;
    const code = line.text.slice(0, line.commentAt);
    return {
      range: rangeAt(line.line, code.length - code.trimStart().length, code.trimEnd().length),
      message: `\`${STRICT}\` must come before the first command (missing ${missing.join(', ')})`,
      // `set -e` makes a failing command end the script, `-u` an unset variable: the script runs differently.
      fix: editFix(`Insert \`${STRICT}\``, false, ctx.file, [strictModeEdit(lines.slice(start, i), line, ctx.script.eol)]),
    };
  }
  return undefined;
}

export const shellScriptHeader: ShellRule = {
  id: ID,
  kind: 'shell',
  defaultSeverity: 'warning',
  guideline: 'Shell Script Standards',
  summary: 'a bash script whose line 1 is not `#!/usr/bin/env bash`, or that runs a command before `set -euo pipefail`',
  options: { 'strict-mode-exempt': { type: 'array', items: { type: 'string', check: globProblem } } },
  check(ctx) {
    const lines = ctx.script.lines;
    // An empty file runs nothing.
    if (lines.every((l) => l.kind === 'blank')) return [];
    // Sourced libraries (`_common.sh`) run in their caller's shell, with its options.
    const sourced = basename(ctx.file).startsWith('_') && ctx.file.endsWith('.sh');
    const { finding, bash } = shebangFinding(ctx, lines);
    if (!bash) return [];
    const findings = finding ? [finding] : [];
    const root = ctx.workspace.root;
    const path = root ? relative(root, ctx.file).split(sep).join('/') : undefined;
    const exempt = sourced || (path !== undefined && optionGlobs(ctx.config, ID, 'strict-mode-exempt').some((p) => p.test(path)));
    const strict = exempt ? undefined : strictModeFinding(ctx, lines);
    if (strict) findings.push(strict);
    return findings;
  },
};
