import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';

/** Sends diagnostics, remembering what each uri shows so that a re-check publishes only what changed. */
export class Publisher {
  /** What each uri shows: its findings as published (their signature is computed only when compared). */
  private readonly shown = new Map<string, readonly Finding[]>();

  constructor(
    private readonly connection: Connection,
    /** Last say over what a uri shows (the baseline lowers what it covers to hint). */
    private readonly adjust: (uri: string, findings: readonly Finding[]) => readonly Finding[] = (_, f) => f,
  ) {}

  /** Publishes a uri's findings; `version` binds them to an open document's version (null for files on disk). */
  publish(uri: string, version: number | null, found: readonly Finding[]): void {
    const findings = this.adjust(uri, found);
    const diagnostics = findings.map((f) => toDiagnostic(f, version));
    if (findings.length === 0) this.shown.delete(uri);
    else this.shown.set(uri, findings);
    void this.connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics });
  }

  /** Publishes findings of a file on disk unless the Problems panel already shows exactly these. */
  publishIfChanged(uri: string, found: readonly Finding[]): boolean {
    const findings = this.adjust(uri, found);
    if (signature(this.shown.get(uri) ?? []) === signature(findings)) return false;
    this.publish(uri, null, found);
    return true;
  }
}

function signature(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.rule, f.severity, f.range, f.message, f.fix?.title ?? f.deferredFix?.title]));
}
