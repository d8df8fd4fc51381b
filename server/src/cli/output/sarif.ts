// SARIF 2.1.0 as GitHub code scanning takes it: every rule described (short and full description,
// help from its docs page, help URI), safe text fixes as `fixes`, and a fingerprint per result that
// survives edits elsewhere in the file.
import { createHash } from 'node:crypto';
import { docsUrl, REPOSITORY_URL } from '../../engine/registry';
import type { Finding, TextEdit } from '../../engine/types';
import { ruleCatalogue, type RuleEntry } from '../catalogue';
import { docSection, firstParagraphText, readRuleDoc, withoutTitle } from '../../engine/ruleDocs';
import { displayPath } from './paths';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The key under `partialFingerprints`; bump the version when the hashed content changes. */
export const FINGERPRINT_KEY = 'pyguide/v1';

export interface SarifContext {
  cwd: string;
  version: string;
  /** The current text of a file, for fingerprints; undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** docs/rules, when not beside the bundle (tests). */
  docsDir?: string;
}

/** `bare-noqa` -> `BareNoqa`: SARIF's friendly rule name. */
function friendlyName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());
}

function ruleDescriptor(rule: RuleEntry, docsDir: string | undefined) {
  const page = readRuleDoc(rule.id, docsDir);
  const flags = page && docSection(page, 'What it flags');
  const full = flags ? firstParagraphText(flags) : `${rule.summary}.`;
  const help = page ? withoutTitle(page) : `${rule.summary}. Guideline: ${rule.guideline}.`;
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: full },
    help: { text: help, markdown: help },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    properties: { guideline: rule.guideline },
  };
}

function region(range: Finding['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * A safe fix made only of text edits, as a SARIF fix. Renames, deletions and new files have no
 * SARIF form; those findings carry no `fixes`, and `pyguide check --fix` still applies them.
 */
function sarifFixes(f: Finding, cwd: string) {
  if (!f.fix?.safe || f.fix.changes.length === 0 || !f.fix.changes.every((c) => c.type === 'edit')) return undefined;
  return [
    {
      description: { text: f.fix.title },
      artifactChanges: f.fix.changes.map((c) => ({
        artifactLocation: { uri: displayPath(c.file, cwd) },
        replacements: (c.edits as TextEdit[]).map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      })),
    },
  ];
}

/**
 * Fingerprints from the rule, the file and the trimmed text of the finding's first line, numbered
 * when one line text repeats: moving code, or editing other lines, keeps a result's identity.
 */
function fingerprints(findings: Finding[], cwd: string, readText: SarifContext['readText']): string[] {
  const lines = new Map<string, string[] | undefined>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    if (!lines.has(f.file)) lines.set(f.file, readText(f.file)?.split(/\r\n|\r|\n/));
    const lineText = (lines.get(f.file)?.[f.range.start.line] ?? '').trim();
    const key = `${f.rule}\0${displayPath(f.file, cwd)}\0${lineText}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
  });
}

/** The team rules (`[tool.pyguide.custom-rules]`) among the findings: described by their message and page. */
function teamRuleDescriptors(findings: readonly Finding[]) {
  const known = new Set(ruleCatalogue().map((r) => r.id));
  const out = new Map<string, object>();
  for (const f of findings) {
    if (known.has(f.rule) || out.has(f.rule)) continue;
    out.set(f.rule, {
      id: f.rule,
      name: friendlyName(f.rule),
      shortDescription: { text: `Team rule ${f.rule} ([tool.pyguide.custom-rules])` },
      ...(f.docs?.startsWith('http') && { helpUri: f.docs }),
      properties: { guideline: 'team rule ([tool.pyguide.custom-rules])' },
    });
  }
  return [...out.values()];
}

export function formatSarif(findings: Finding[], ctx: SarifContext): string {
  const prints = fingerprints(findings, ctx.cwd, ctx.readText);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pyguide',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: REPOSITORY_URL,
            rules: [...ruleCatalogue().map((r) => ruleDescriptor(r, ctx.docsDir)), ...teamRuleDescriptors(findings)],
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f, i) => ({
          ruleId: f.rule,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: displayPath(f.file, ctx.cwd) }, region: region(f.range) } }],
          partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
          fixes: sarifFixes(f, ctx.cwd),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
