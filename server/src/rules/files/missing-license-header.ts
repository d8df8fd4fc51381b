import { detached } from '../../base/strings';
import type { LicenseConfig } from '../../engine/config';
import { fileStartRange, preludeLines, type TextIndex } from '../../engine/textIndex';
import type { PythonContext, PythonRule, RuleFinding } from '../../engine/types';
import { declaredLicense, excludesLicense } from './_declaredLicense';

// Ruff's CPY001 notion of a copyright line: a year, or years joined by `-` or `, `, optionally
// after `(c)` or `©`. The holder is whatever follows.
const COPYRIGHT = /Copyright\s+(?:(?:\(c\)|©)\s+)?\d{4}(?:\s*(?:-|–|,)\s*\d{4})*\s+(\S.*)$/i;
const SPDX = /SPDX-License-Identifier\s*:\s*(\S*)/;
const APACHE_NOTICE = 'Licensed under the Apache License, Version 2.0';
const HEADER_MARK = /SPDX-License-Identifier|Copyright\s+(?:(?:\(c\)|©)\s+)?\d{4}/i;

const APACHE_NOTICE_LINES = [
  'Licensed under the Apache License, Version 2.0 (the "License");',
  'you may not use this file except in compliance with the License.',
  'You may obtain a copy of the License at',
  '',
  '    http://www.apache.org/licenses/LICENSE-2.0',
  '',
  'Unless required by applicable law or agreed to in writing, software',
  'distributed under the License is distributed on an "AS IS" BASIS,',
  'WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
  'See the License for the specific language governing permissions and',
  'limitations under the License.',
];

/** The `full` style's notice is the Apache-2.0 one: pyguide knows no other licence's notice text. */
function wantsNotice(license: LicenseConfig): boolean {
  return license.style === 'full' && license.spdx.toLowerCase() === 'apache-2.0';
}

/** The header the fix inserts, as comment lines without line breaks. */
function licenseHeaderLines(license: LicenseConfig, year: number): string[] {
  // The short form is two lines, as Genkit's tree writes it; the full one has blank lines around the notice.
  const notice = wantsNotice(license) ? ['', ...APACHE_NOTICE_LINES, ''] : [];
  const body = [`Copyright ${year} ${license.holder}`, ...notice, `SPDX-License-Identifier: ${license.spdx}`];
  return body.map((l) => (l ? `# ${l}` : '#'));
}

/**
 * The comments at the top of the file: every comment and blank line after the prelude up to the
 * first line of code. No string can be open before that line, so reading lines is exact here.
 */
function topComments(index: TextIndex, from: number): { lines: string[]; end: number } {
  const lines: string[] = [];
  let line = from;
  for (; line < index.lineCount; line++) {
    const text = index.lineText(line).trim();
    if (text === '') continue;
    if (!text.startsWith('#')) break;
    lines.push(text.replace(/^#+\s?/, ''));
  }
  return { lines, end: line };
}

function holderMatches(written: string, holder: string): boolean {
  const rest = written.trim();
  return rest === holder || (rest.startsWith(holder) && /^[\s.,;]/.test(rest.slice(holder.length)));
}

/** What the top comments lack, in words; empty when the header is complete. */
function headerProblems(lines: string[], license: LicenseConfig): { problems: string[]; anyPart: boolean } {
  const problems: string[] = [];
  const holders = lines.map((l) => COPYRIGHT.exec(l)?.[1]).filter((h): h is string => h !== undefined);
  const spdx = lines.map((l) => SPDX.exec(l)?.[1]).filter((s): s is string => s !== undefined);
  // The notice may be wrapped differently: compare it with the comment lines joined (as written first, the usual case).
  const joined = lines.join(' ');
  const hasNotice = joined.includes(APACHE_NOTICE) || joined.replace(/\s+/g, ' ').includes(APACHE_NOTICE);
  if (holders.length === 0) problems.push(`no \`Copyright <year> ${license.holder}\` line`);
  else if (!holders.some((h) => holderMatches(h, license.holder))) problems.push(`the copyright line names "${holders[0].trim()}", not "${license.holder}"`);
  if (spdx.length === 0) problems.push(`no \`SPDX-License-Identifier: ${license.spdx}\` line`);
  else if (!spdx.includes(license.spdx)) problems.push(`\`SPDX-License-Identifier: ${spdx[0]}\` should be \`SPDX-License-Identifier: ${license.spdx}\``);
  if (wantsNotice(license) && !hasNotice) problems.push(`no Apache-2.0 notice ("${APACHE_NOTICE} ...")`);
  return { problems, anyPart: holders.length > 0 || spdx.length > 0 || hasNotice };
}

type Judgement = ReturnType<typeof headerProblems>;

/** The latest header judged, as its text and licence setting: typing below the header finds it unchanged. */
let lastJudged: { block: string; license: LicenseConfig; judgement: Judgement } | undefined;

/** What the top comments lack, judged again only when their text or the licence setting changed. */
function judgedHeader(text: string, index: TextIndex, from: number, top: { lines: string[]; end: number }, license: LicenseConfig): Judgement {
  const at = (line: number) => (line < index.lineCount ? index.lineStart(line) : text.length);
  const block = text.slice(at(from), at(top.end));
  const last = lastJudged;
  if (last && last.block === block && last.license.holder === license.holder && last.license.style === license.style && last.license.spdx === license.spdx) return last.judgement;
  const { problems, anyPart } = headerProblems(top.lines, license);
  // Kept across lints: nothing kept may be a piece of this text.
  const judgement = { problems: problems.map(detached), anyPart };
  lastJudged = { block: detached(block), license: { ...license }, judgement };
  return judgement;
}

/** The first comment below the top comments that looks like part of a license header. */
function misplacedHeaderLine(ctx: PythonContext, from: number): number | undefined {
  return ctx.syntax.commentFacts.find((c) => c.line >= from && HEADER_MARK.test(c.text))?.line;
}

function insertHeaderFix(ctx: PythonContext, at: number): RuleFinding['fix'] {
  const { index } = ctx;
  const eol = index.eol;
  const header = licenseHeaderLines(ctx.config.license, new Date().getFullYear()).join(eol) + eol + eol;
  // A prelude line without a line break at the end of the file needs one before the header.
  const position = at < index.lineCount ? { line: at, character: 0 } : { line: at - 1, character: index.lineEnd(at - 1) - index.lineStart(at - 1) };
  const newText = at < index.lineCount ? header : eol + header;
  return { title: 'Add license header', safe: true, changes: [{ type: 'edit', file: ctx.file, edits: [{ range: { start: position, end: position }, newText }] }] };
}

export const missingLicenseHeader: PythonRule = {
  id: 'missing-license-header',
  kind: 'python',
  // The top lines of the text, and the comments (always at hand: suppressions read them too).
  reads: { scope: 'module' },
  // Of the syntax, the comments as plain data only: a file parsed in pieces gives it every piece's.
  headOnly: true,
  defaultSeverity: 'warning',
  guideline: 'Detailed Coding Guidelines › Licensing',
  summary: 'no complete license header (copyright, SPDX identifier, Apache-2.0 notice) at the top of the file',
  ruffTwin: 'CPY001',
  check(ctx) {
    const { index, text, config } = ctx;
    if (!/\S/.test(text)) return [];
    const license = config.license;
    // Only a holder the preset or the project names is ever written into anyone's files.
    if (!license.holder || !license.spdx) return [];
    const prelude = preludeLines(index);
    const top = topComments(index, prelude);
    const { problems, anyPart } = judgedHeader(text, index, prelude, top, license);
    if (problems.length === 0) return [];
    // A package that declares another licence keeps its own headers: none is asked for or written here.
    const declared = declaredLicense(ctx.workspace, ctx.file);
    if (declared && excludesLicense(declared.expression, license.spdx)) return [];
    const range = fileStartRange(index);
    if (anyPart) return [{ range, message: `License header is incomplete: ${problems.join('; ')}.` }];
    const misplaced = misplacedHeaderLine(ctx, top.end);
    if (misplaced !== undefined) {
      return [
        {
          range,
          message: `No license header at the top of the file: line ${misplaced + 1} looks like one, but the header must be the comment block before any code.`,
        },
      ];
    }
    const parts = wantsNotice(license) ? `\`Copyright <year> ${license.holder}\`, the Apache-2.0 notice and \`SPDX-License-Identifier: ${license.spdx}\`` : `\`Copyright <year> ${license.holder}\` and \`SPDX-License-Identifier: ${license.spdx}\``;
    return [{ range, message: `No license header: the file should start with ${parts}.`, fix: insertHeaderFix(ctx, prelude) }];
  },
};
