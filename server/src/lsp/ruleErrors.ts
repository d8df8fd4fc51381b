import type { Connection } from 'vscode-languageserver';
import type { RuleErrorHandler } from '../engine/linter';

/**
 * How the server tells about a rule that threw: the stack goes to the output channel (the linter
 * calls this once per rule and file), and the user sees one warning per rule, not one per keystroke.
 */
export function ruleErrorReporter(connection: Connection): RuleErrorHandler {
  const warned = new Set<string>();
  return (rule, file, error) => {
    connection.console.error(`pyguide: rule ${rule.id} failed on ${file}: ${(error as Error)?.stack ?? String(error)}`);
    if (!warned.has(rule.id)) {
      warned.add(rule.id);
      void connection.window.showWarningMessage(`pyguide: rule ${rule.id} failed and was skipped (details in the pyguide output). Other rules still run.`);
    }
  };
}
