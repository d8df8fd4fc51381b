// The `pyguide` command: reads the command line, runs one command, turns errors into exit code 2.
import { parseCommandLine, USAGE, UsageError } from './args';
import { runCheck } from './check';
import { explainRule } from './explain';
import { runQuery } from './query';
import { explainTeamRule, formatRules, ruleRows, teamRuleRows } from './rulesCommand';
import { styleFor } from './style';
import { hardenProcess } from '../hardening';

declare const PYGUIDE_VERSION: string | undefined;
const VERSION = typeof PYGUIDE_VERSION === 'string' ? PYGUIDE_VERSION : '0.0.0-dev';

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  hardenProcess();
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch (e) {
    process.stderr.write(`pyguide: ${(e as Error).message}\nRun \`pyguide --help\` for the commands and options.\n`);
    return 2;
  }
  try {
    switch (command.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'version':
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case 'check':
        return await runCheck(command.options, cwd, VERSION);
      case 'rules': {
        const rows = [...ruleRows(), ...(await teamRuleRows(cwd))];
        process.stdout.write(`${command.format === 'json' ? JSON.stringify(rows, null, 2) : formatRules(rows, styleFor(process.stdout))}\n`);
        return 0;
      }
      case 'query':
        return await runQuery(command.options, cwd, (text) => process.stdout.write(`${text}\n`), styleFor(process.stdout));
      case 'explain': {
        const team = await explainTeamRule(cwd, command.rule, styleFor(process.stdout));
        process.stdout.write(`${team ?? explainRule(command.rule, styleFor(process.stdout))}\n`);
        return 0;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pyguide: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`pyguide: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}
