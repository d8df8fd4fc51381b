import { basename, dirname, join } from 'node:path';
import { moduleDocstring, type Docstring } from '../../docstrings/docstrings';
import { eli5Sections, ELI5_HEADING, type HeadingFix } from '../../docstrings/eli5Sections';
import { fileStartRange } from '../../engine/textIndex';
import type { ActionContext, ContextualAction, PythonContext, PythonRule, Range, RuleFinding } from '../../engine/types';
import type { PackageInfo } from '../../workspace/view';

export const MISSING_ELI5_DOCS = 'missing-eli5-docs';
/** The client command that asks for concepts and inserts the table (see client/src/eli5Command.ts). */
export const INSERT_ELI5_COMMAND = 'pyguide.insertEli5Table';

type Element = 'concepts' | 'data-flow' | 'architecture';
const ELEMENTS: readonly Element[] = ['concepts', 'data-flow', 'architecture'];

/**
 * What each kind of workspace member's entry modules must hold: the guidelines' per-module-type
 * table, as the team followed it (plugins everything, samples the table, core packages nothing:
 * 0 of 86 core modules had a table even when the guidelines were written).
 */
const DEFAULT_REQUIREMENTS: Record<string, readonly Element[]> = { plugin: ELEMENTS, sample: ['concepts'] };

function requirements(ctx: PythonContext, kind: string): readonly Element[] {
  const option = ctx.config.ruleOptions[MISSING_ELI5_DOCS]?.[kind];
  if (Array.isArray(option)) return option.filter((e): e is Element => ELEMENTS.includes(e as Element));
  return Object.hasOwn(DEFAULT_REQUIREMENTS, kind) ? DEFAULT_REQUIREMENTS[kind] : [];
}

/** The member whose entry module this file is, and how to name it; undefined for every other file. */
function entryOf(ctx: PythonContext): { member: PackageInfo; name: string } | undefined {
  const member = ctx.workspace.packageOf(ctx.file);
  if (!member) return undefined;
  const source = join(member.dir, member.kind.sourceDir);
  if (member.kind.kind === 'sample') {
    if (ctx.file === join(source, 'main.py')) return { member, name: `sample \`${member.dirName}\`` };
    // A sample without a source directory runs its package's main module (`python -m demo.main`).
    const pkg = dirname(ctx.file);
    const flat = basename(ctx.file) === 'main.py' && dirname(pkg) === member.dir && !ctx.workspace.exists(join(source, 'main.py'));
    return flat && ctx.workspace.exists(join(pkg, '__init__.py')) ? { member, name: `sample \`${member.dirName}\`` } : undefined;
  }
  if (basename(ctx.file) !== '__init__.py') return undefined;
  const pkg = ctx.workspace.packageFiles(member).modules.find((m) => join(m.dir, '__init__.py') === ctx.file);
  return pkg ? { member, name: `${member.kind.kind} \`${pkg.module}\`` } : undefined;
}

/** The first statement's docstring lines as written, from the line after the opening quotes. */
function docstringLines(ctx: PythonContext, d: Docstring): string[] {
  const lines: string[] = [];
  for (let l = d.start.line + 1; l <= d.contentEnd.line; l++) {
    const text = ctx.index.lineText(l);
    lines.push(l === d.contentEnd.line ? text.slice(0, d.contentEnd.character) : text);
  }
  return lines;
}

/** The module docstring of a sibling file (`typing.py` holds some plugins' architecture diagram). */
function siblingDocstring(ctx: PythonContext, name: string): string[] {
  const text = ctx.workspace.readText(join(dirname(ctx.file), name));
  const m = text && /^(?:\s*#[^\n]*\n)*\s*[rR]?("""|''')([\s\S]*?)\1/.exec(text);
  return m ? m[2].split(/\r?\n/) : [];
}

function headingFinding(ctx: PythonContext, d: Docstring, h: HeadingFix, message: string): RuleFinding {
  const line = d.start.line + 1 + h.line;
  const range: Range = { start: { line, character: h.start }, end: { line, character: h.end } };
  return {
    range,
    message,
    fix: { title: `Rename the heading to \`${h.replacement}\``, safe: true, changes: [{ type: 'edit', file: ctx.file, edits: [{ range, newText: h.replacement }] }] },
  };
}

export const missingEli5Docs: PythonRule = {
  id: MISSING_ELI5_DOCS,
  kind: 'python',
  defaultSeverity: 'warning',
  guideline: 'Docstrings › ELI5 (Explain Like I\'m 5); Documentation Best Practices › Plugin Architecture Diagrams',
  summary: 'a plugin or sample entry module without the ELI5 concepts table, data-flow or architecture diagram the guidelines ask for',
  // Per member kind (`plugin = ["concepts"]`): the elements its entry modules must hold.
  optionsPerKey: { type: 'array', items: { type: 'string', oneOf: ELEMENTS } },
  // No syntax facts: it reads the tree's module docstring alone. (A rule that declares nothing may
  // read any built-in list, so every keystroke would keep the module's calls, functions, classes
  // and imports up to date for it.)
  reads: { scope: 'module' },
  // Of the syntax, only the module docstring: the first piece of a file parsed in pieces holds it.
  headOnly: true,
  check(ctx) {
    const entry = entryOf(ctx);
    if (!entry) return [];
    const required = requirements(ctx, entry.member.kind.kind);
    if (required.length === 0) return [];
    const docstring = moduleDocstring(ctx.tree);
    const where: Range = docstring
      ? { start: docstring.start, end: { line: docstring.start.line, character: ctx.index.lineText(docstring.start.line).length } }
      : fileStartRange(ctx.index);
    const sections = eli5Sections(docstring ? docstringLines(ctx, docstring) : []);
    const findings: RuleFinding[] = [];
    const noDocstring = docstring ? '' : ' (it has no module docstring yet)';
    if (required.includes('concepts') && !sections.concepts) {
      if (sections.conceptsVariant && docstring) {
        findings.push(
          headingFinding(
            ctx,
            docstring,
            sections.conceptsVariant,
            `Write \`${sections.conceptsVariant.text}\` as \`${ELI5_HEADING}\`: the guidelines name the section so, and the \`::\` makes the table a literal block that rendered docs keep as drawn.`,
          ),
        );
      } else if (sections.emptyConcepts !== undefined && docstring) {
        const line = docstring.start.line + 1 + sections.emptyConcepts;
        findings.push({
          range: { start: { line, character: 0 }, end: { line, character: ctx.index.lineText(line).length } },
          message: `\`${ELI5_HEADING}\` has no table under it: a blank line, then a two-column box table indented below the heading, with at least one concept.`,
        });
      } else {
        findings.push({ range: where, message: `The ${entry.name} entry module has no \`${ELI5_HEADING}\` table${noDocstring}: the guidelines ask each ${entry.member.kind.kind} to explain its concepts with everyday analogies in a two-column table.` });
      }
    }
    if (required.includes('data-flow') && !sections.dataFlow) {
      if (sections.dataFlowVariant && docstring) {
        findings.push(headingFinding(ctx, docstring, sections.dataFlowVariant, `Write \`${sections.dataFlowVariant.text}\` as \`${sections.dataFlowVariant.replacement}\`: the \`::\` makes the diagram a literal block that rendered docs keep as drawn.`));
      } else {
        findings.push({ range: where, message: `The ${entry.name} entry module has no \`Data Flow::\` diagram${noDocstring}: the guidelines ask each ${entry.member.kind.kind} to draw how a request flows through it.` });
      }
    }
    if (required.includes('architecture') && !sections.architecture && !eli5Sections(siblingDocstring(ctx, 'typing.py')).architecture) {
      findings.push({
        range: where,
        message: `The ${entry.name} entry module has no architecture diagram${noDocstring}: the guidelines ask each ${entry.member.kind.kind} for a box naming its modules and what they hold, in \`__init__.py\` or \`typing.py\` (see the "architecture" snippet).`,
      });
    }
    return findings;
  },
  actions: insertTableActions,
};

/** "Insert ELI5 concepts table…" on a missing table: the command asks for the concepts and writes the table after the docstring's summary. */
function insertTableActions({ file, finding }: ActionContext): ContextualAction[] {
  if (!/has no `Key Concepts \(ELI5\)::` table:/.test(finding.message)) return [];
  return [{ title: 'Insert ELI5 concepts table…', command: { command: INSERT_ELI5_COMMAND, arguments: [{ file, position: finding.range.start, place: 'after-summary' }] } }];
}
