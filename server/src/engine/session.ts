import { PythonParser } from '../parsing/python';
import type { FileSource } from '../workspace/files';
import type { PresetId } from './presets';
import type { RuleCatalog } from './configSchema';
import { Workspaces, type WorkspaceModel } from '../workspace/model';
import { scanFiles } from '../workspace/scan';
import { Linter, type LintRequest, type RuleErrorHandler } from './linter';
import { RULES } from './registry';
import type { Finding, Rule } from './types';

export interface SessionOptions {
  /**
   * What folders get that neither configure pyguide nor are Genkit workspaces: nothing (`off`, what
   * the CLI and the server use), or a preset (the rule fixtures, which are such folders).
   */
  unconfigured?: PresetId | 'off';
}

/** The catalog of a rule list: ids and the options each rule declares. */
export function ruleCatalog(rules: readonly Rule[]): RuleCatalog {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    ids: [...byId.keys()],
    options: (id) => {
      const rule = byId.get(id);
      return rule?.optionsPerKey ? { type: 'map', key: () => undefined, values: () => rule.optionsPerKey! } : { type: 'table', keys: rule?.options ?? {} };
    },
  };
}

/** The engine with its workspaces: what the CLI and the server both drive. */
export class LintSession {
  readonly workspaces: Workspaces;
  private readonly scanned = new Map<WorkspaceModel, Promise<void>>();

  private constructor(
    readonly files: FileSource,
    readonly parser: PythonParser,
    readonly linter: Linter,
    options: SessionOptions,
  ) {
    // `[tool.pyguide]` may name every rule of the registry, whichever of them this session runs.
    this.workspaces = new Workspaces(files, { catalog: ruleCatalog([...RULES, ...linter.rules]), unconfigured: options.unconfigured });
  }

  static async create(files: FileSource, onRuleError?: RuleErrorHandler, rules: readonly Rule[] = RULES, options: SessionOptions = {}): Promise<LintSession> {
    const parser = await PythonParser.create();
    return new LintSession(files, parser, new Linter(parser, onRuleError, rules), options);
  }

  /**
   * Lints a text once (no tree is kept). `overrides` are the editor's settings for its folder;
   * `view` what rules see of the workspace (one that records what is read); `failures` collects the
   * rules that threw.
   */
  lintText(file: string, text: string, options: Pick<LintRequest, 'overrides' | 'view' | 'failures'> = {}): Finding[] {
    return this.linter.lint({ file, text, workspace: this.workspaces.forFile(file), ...options });
  }

  /** Lints a file as the file source has it; unreadable files get one finding that says why. */
  lintFile(file: string, options: Pick<LintRequest, 'overrides' | 'view' | 'failures'> = {}): Finding[] {
    const workspace = this.workspaces.forFile(file);
    const config = workspace.configFor(options.overrides);
    const read = this.files.read(file, config.maxFileSize);
    if (!read.ok) return read.missing ? [] : Linter.reported(config, Linter.unreadable(file, read.reason));
    return this.linter.lint({ file, text: read.text, workspace, ...options });
  }

  /**
   * Takes the Python files of a walk of the workspace root with its excludes that the caller made
   * already (the CLI walking the root it was given), so `prepare` does not walk it again.
   */
  adoptScan(workspace: WorkspaceModel, files: readonly string[]): void {
    if (this.scanned.has(workspace) || !workspace.root) return;
    workspace.setPythonFiles(files);
    this.scanned.set(workspace, Promise.resolve());
  }

  isPrepared(workspace: WorkspaceModel): boolean {
    return this.scanned.has(workspace) || !workspace.root;
  }

  /**
   * Makes sure the workspace knows all its Python files (for rules that compare files). The walk
   * is shared by every caller and always completes, so a cancelled caller (`signal`) stops waiting
   * but never leaves the workspace with half a file list.
   */
  prepare(workspace: WorkspaceModel, signal?: AbortSignal): Promise<void> {
    let done = this.scanned.get(workspace);
    if (!done && workspace.root) {
      const root = workspace.root;
      workspace.walkStarted();
      done = scanFiles(root, { exclude: workspace.config.exclude }).then((files) => workspace.setPythonFiles(files));
      this.scanned.set(workspace, done);
    }
    if (!done) return Promise.resolve();
    if (!signal) return done;
    if (signal.aborted) return Promise.resolve();
    const scan = done;
    return new Promise<void>((resolve, reject) => {
      const stop = () => resolve();
      signal.addEventListener('abort', stop, { once: true });
      scan.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
    });
  }
}
