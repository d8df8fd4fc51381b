import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';

/** Sends diagnostics, remembering what each uri shows so that a re-check publishes only what changed. */
export class Publisher {
  private readonly shown = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  /** Publishes a uri's findings; `version` binds them to an open document's version (null for files on disk). */
  publish(uri: string, version: number | null, findings: readonly Finding[]): void {
    const diagnostics = findings.map((f) => toDiagnostic(f, version));
    if (findings.length === 0) this.shown.delete(uri);
    else this.shown.set(uri, signature(findings));
    void this.connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics });
  }

  /** Publishes findings of a file on disk unless the Problems panel already shows exactly these. */
  publishIfChanged(uri: string, findings: readonly Finding[]): boolean {
    if ((this.shown.get(uri) ?? '') === (findings.length === 0 ? '' : signature(findings))) return false;
    this.publish(uri, null, findings);
    return true;
  }
}

function signature(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.rule, f.severity, f.range, f.message, f.fix?.title ?? f.deferredFix?.title]));
}
