// Deterministic generator of Genkit-shaped Python: one module of a chosen length, or a whole uv
// workspace (packages/, plugins/, samples/, tests, pyproject files) of ~400 files / 100k lines.
// The bench and the robustness tests use it (scripts/gen-workspace.mjs is its command line); its
// output is never committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same workspace on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const YEAR = 2025;
export const LICENSE_HEADER = `# Copyright ${YEAR} Google LLC
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# SPDX-License-Identifier: Apache-2.0
`;

const WORDS = [
  'model', 'prompt', 'flow', 'tool', 'embed', 'index', 'retriever', 'document', 'chunk', 'schema',
  'config', 'request', 'response', 'message', 'part', 'media', 'stream', 'action', 'registry', 'plugin',
  'trace', 'span', 'metric', 'usage', 'token', 'candidate', 'safety', 'session', 'context', 'reflection',
  'evaluator', 'dataset', 'score', 'reranker', 'format', 'output', 'input', 'middleware', 'cache', 'client',
];
const CAPS = (w) => w[0].toUpperCase() + w.slice(1);
const STDLIB = ['asyncio', 'json', 'os', 're', 'sys', 'time', 'uuid', 'logging', 'dataclasses', 'functools', 'inspect', 'typing', 'collections.abc', 'pathlib', 'base64'];
const TYPES = ['str', 'int', 'float', 'bool', 'dict[str, Any]', 'list[str]', 'Any', 'bytes', 'str | None', 'list[Part]'];

function name(r, n = 2) {
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(r.pick(WORDS));
  return parts.join('_');
}

function capName(r, n = 2) {
  return name(r, n).split('_').map(CAPS).join('');
}

/** Statements of a function body, at `indent`, roughly `budget` lines. */
function body(r, indent, budget, opts) {
  const pad = ' '.repeat(indent);
  const out = [];
  while (out.length < budget) {
    const v = name(r, 1);
    switch (r.int(0, 13)) {
      case 0:
        out.push(`${pad}${v} = ${opts.async ? 'await ' : ''}self._${name(r)}(${name(r, 1)}=${r.int(0, 99)})`);
        break;
      case 1:
        out.push(`${pad}if ${v} is None:`, `${pad}    raise GenkitError(status='INVALID_ARGUMENT', message=f'${v} is required for {${r.pick(['self.name', 'request', 'config'])}!r}')`);
        break;
      case 2:
        out.push(`${pad}for ${v} in ${name(r)}:`, `${pad}    ${name(r)}.append(${v}.${name(r, 1)})`, `${pad}    if not ${v}:`, `${pad}        continue`);
        break;
      case 3:
        out.push(`${pad}try:`, `${pad}    ${v} = json.loads(${name(r, 1)})`, `${pad}except (ValueError, KeyError) as e:`, `${pad}    logger.warning('failed to parse ${v}', error=str(e))`, `${pad}    ${v} = {}`);
        break;
      case 4:
        out.push(`${pad}${v}: ${r.pick(TYPES)} = {`, `${pad}    '${name(r, 1)}': ${r.int(0, 9)},`, `${pad}    '${name(r, 1)}': '${name(r)}',`, `${pad}}`);
        break;
      case 5:
        // A lazy import inside a function: what in-function-import flags.
        if (opts.lazyImports && r.chance(0.08)) out.push(`${pad}from ${r.pick(STDLIB)} import ${r.pick(['dumps', 'loads', 'Path', 'wraps', 'sleep'])}`);
        else out.push(`${pad}${v} = [${name(r, 1)} for ${name(r, 1)} in ${name(r)} if ${name(r, 1)}]`);
        break;
      case 6:
        out.push(`${pad}# ${r.pick(['Keep the order stable:', 'Note:', 'TODO(genkit):', 'The API returns', 'See the'])} ${name(r, 3).replace(/_/g, ' ')}.`);
        break;
      case 7:
        out.push(`${pad}${v} = ${name(r)}.get('${name(r, 1)}')  # type: ignore[${r.pick(['attr-defined', 'arg-type', 'union-attr'])}]`);
        break;
      case 8:
        out.push(`${pad}with ${name(r)}(${name(r, 1)}) as ${v}:`, `${pad}    ${opts.async ? 'await ' : ''}${v}.${name(r, 1)}()`);
        break;
      case 9:
        out.push(`${pad}${v} = '${'x'.repeat(r.int(10, 50))}' + str(${name(r, 1)})  # noqa: E501`);
        break;
      case 10:
        out.push(`${pad}return ${name(r, 1)}`);
        return out;
      case 11:
        out.push(`${pad}${v} = ${opts.async ? 'await asyncio.gather' : 'list'}(*[self._${name(r)}(${name(r, 1)}) for ${name(r, 1)} in ${name(r)}])`);
        break;
      case 12:
        if (opts.noise && r.chance(0.05)) out.push(`${pad}${v} = ${name(r)}()  # ${r.pick(['type: ignore', 'noqa', 'pyright: ignore'])}`);
        else out.push(`${pad}logger.debug('${name(r, 3).replace(/_/g, ' ')}', ${v}=${name(r, 1)})`);
        break;
      default:
        out.push(`${pad}match ${v}:`, `${pad}    case '${name(r, 1)}':`, `${pad}        ${name(r, 1)} = 1`, `${pad}    case _:`, `${pad}        pass`);
    }
  }
  return out;
}

function docstring(r, indent, long) {
  const pad = ' '.repeat(indent);
  if (!long) return [`${pad}"""${CAPS(name(r, 4).replace(/_/g, ' '))}."""`];
  return [
    `${pad}"""${CAPS(name(r, 4).replace(/_/g, ' '))}.`,
    '',
    `${pad}Args:`,
    `${pad}    ${name(r, 1)}: The ${name(r, 2).replace(/_/g, ' ')}.`,
    `${pad}    ${name(r, 1)}: Optional ${name(r, 1)} to use.`,
    '',
    `${pad}Returns:`,
    `${pad}    The ${name(r, 2).replace(/_/g, ' ')}.`,
    `${pad}"""`,
  ];
}

function fnName(r, opts) {
  if (opts.noise && r.chance(0.01)) return r.pick(['get', 'run', 'make']) + capName(r);
  return name(r, r.int(1, 3));
}

function functionDef(r, indent, opts, method) {
  const pad = ' '.repeat(indent);
  const out = [];
  if (r.chance(0.2)) out.push(`${pad}@${r.pick(['override', 'staticmethod', 'functools.cache', 'ai.flow()', 'ai.tool()'])}`);
  const params = [method ? 'self' : undefined, ...Array.from({ length: r.int(0, 3) }, (_, i) => `${name(r, 1)}_${i}: ${r.pick(TYPES)}`)].filter(Boolean);
  const async = r.chance(0.4);
  out.push(`${pad}${async ? 'async ' : ''}def ${opts.test ? `test_${name(r)}` : fnName(r, opts)}(${params.join(', ')}) -> ${r.pick(TYPES)}:`);
  out.push(...docstring(r, indent + 4, r.chance(0.4)));
  out.push(...body(r, indent + 4, r.int(3, 14), { ...opts, async }));
  return out;
}

function classDef(r, opts) {
  const out = [];
  const base = opts.test ? 'unittest.TestCase' : r.pick(['BaseModel', 'Plugin', 'Protocol', 'Generic[T]', 'Exception']);
  const cls = opts.noise && r.chance(0.02) ? name(r) : opts.test ? `Test${capName(r)}` : capName(r);
  out.push(`class ${cls}(${base}):`);
  out.push(...docstring(r, 4, true));
  out.push('');
  if (base === 'BaseModel') {
    for (let i = r.int(2, 6); i > 0; i--) out.push(`    ${name(r)}: ${r.pick(TYPES)} = Field(default=None, alias='${name(r, 1)}')`);
    out.push('', `    model_config = ConfigDict(populate_by_name=True)`, '');
  }
  if (opts.test && r.chance(0.5)) out.push('    def setUp(self) -> None:', `        self.${name(r)} = ${capName(r)}()`, '');
  for (let i = r.int(2, 6); i > 0; i--) out.push(...functionDef(r, 4, opts, true), '');
  return out;
}

/**
 * A Genkit-style module of about `lines` lines: license header (sometimes missing), docstring,
 * imports, constants, classes and functions, with the comments, suppressions and lazy imports
 * real code has, and a few guideline violations sprinkled in when `noise` is on.
 */
export function genModule(seed, lines, { test = false, noise = true, header = true, lazyImports = true } = {}) {
  const r = prng(seed);
  const opts = { test, noise, lazyImports };
  const out = [];
  if (header && !(noise && r.chance(0.04))) out.push(...LICENSE_HEADER.trimEnd().split('\n'), '');
  out.push(`"""${CAPS(name(r, 3).replace(/_/g, ' '))} for Genkit.`, '', `This module ${name(r, 4).replace(/_/g, ' ')}.`, '"""', '');
  const imports = new Set(['import asyncio', 'import json', 'from typing import Any', 'from pydantic import BaseModel, ConfigDict, Field', 'from genkit.core.error import GenkitError', 'from genkit.core.logging import get_logger']);
  if (test) imports.add('import unittest');
  for (let i = r.int(2, 8); i > 0; i--) imports.add(r.chance(0.5) ? `import ${r.pick(STDLIB)}` : `from genkit.${r.pick(['ai', 'blocks', 'core', 'types'])} import ${capName(r)}`);
  out.push(...[...imports].sort(), '');
  out.push('logger = get_logger(__name__)', '');
  for (let i = r.int(1, 4); i > 0; i--) out.push(`${name(r).toUpperCase()} = '${name(r, 1)}'`);
  out.push('', '');
  // Whole definitions only, so the module always parses; comment lines make up the count.
  for (;;) {
    const block = r.chance(0.35) ? classDef(r, opts) : functionDef(r, 0, opts, false);
    if (out.length + block.length + 2 > lines) break;
    out.push(...block, '', '');
  }
  while (out.length < lines) out.push(`# ${name(r, 3).replace(/_/g, ' ')}`);
  return `${out.join('\n')}\n`;
}

const PLUGINS = ['google-genai', 'anthropic', 'ollama', 'vertex-ai', 'firebase', 'compat-oai', 'dev-local-vectorstore', 'evaluators', 'mcp', 'flask', 'xai', 'deepseek', 'mistral', 'cohere', 'aws-bedrock', 'azure-openai', 'cloudflare', 'huggingface', 'pinecone', 'chroma'];
const SAMPLES = ['hello', 'menu', 'rag-demo', 'tool-calling', 'multimodal', 'streaming', 'evaluator-demo', 'prompt-demo', 'flask-hello', 'ollama-hello', 'anthropic-hello', 'vertex-search', 'firestore-retriever', 'short-n-long', 'media-models', 'mcp-demo', 'xai-hello', 'format-demo', 'context-caching', 'realtime'];
const CORE_DIRS = ['ai', 'blocks', 'core', 'types', 'web', 'lang', 'aio', 'codec'];

function pyproject(r, pkgName, { plugin = false, sample = false, version = '0.5.0' } = {}) {
  const deps = ['"genkit"', ...(plugin || sample ? [`"pydantic>=2.10"`] : ['"pydantic>=2.10"', '"structlog>=25.2"'])];
  if (sample) deps.push(`"genkit-plugin-${r.pick(PLUGINS)}"`);
  const lines = [
    '[project]',
    `name = "${pkgName}"`,
    `version = "${version}"`,
    `description = "${CAPS(name(r, 3).replace(/_/g, ' '))}"`,
    'license = "Apache-2.0"',
    'readme = "README.md"',
    'requires-python = ">=3.10"',
    'authors = [{ name = "Google" }]',
    'classifiers = [',
    ...['3.10', '3.11', '3.12', '3.13', '3.14'].map((v) => `  "Programming Language :: Python :: ${v}",`),
    '  "License :: OSI Approved :: Apache Software License",',
    '  "Typing :: Typed",',
    ']',
    `dependencies = [${deps.join(', ')}]`,
    '',
    '[build-system]',
    'requires = ["hatchling"]',
    'build-backend = "hatchling.build"',
  ];
  if (plugin) lines.push('', '[tool.hatch.build.targets.wheel]', 'only-include = ["src/genkit/plugins"]', 'sources = ["src"]');
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a uv workspace shaped like Genkit's `py/` tree under `dir`: the core package, plugins
 * with namespace packages and tests, samples with run.sh, and pyproject files: `files` lintable
 * files (Python and pyproject.toml) holding about `lines` lines of Python. Returns the list of files written.
 */
export function genWorkspace(dir, { files = 400, lines = 100_000, seed = 1 } = {}) {
  const r = prng(seed);
  rmSync(dir, { recursive: true, force: true });
  const written = [];
  const write = (rel, text) => {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(full);
  };
  const members = [];
  write('pyproject.toml', `[project]\nname = "genkit-workspace"\nversion = "0.1.0"\nrequires-python = ">=3.10"\n\n[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*", "samples/*"]\n\n[tool.uv.sources]\n__SOURCES__`);
  // Python files: where they go, decided first so their sizes can share the line budget.
  const py = [];
  const pluginCount = Math.min(PLUGINS.length, Math.max(4, Math.round(files / 22)));
  const sampleCount = Math.min(SAMPLES.length, Math.max(3, Math.round(files / 22)));
  members.push('genkit');
  write('packages/genkit/pyproject.toml', pyproject(r, 'genkit'));
  write('packages/genkit/README.md', '# Genkit\n');
  write('packages/genkit/LICENSE', 'Apache License 2.0\n');
  write('packages/genkit/src/genkit/py.typed', '');
  const pluginFiles = Math.max(2, Math.round((files * 0.45) / pluginCount));
  for (const plugin of PLUGINS.slice(0, pluginCount)) {
    const pkg = `genkit-plugin-${plugin}`;
    const mod = plugin.replace(/-/g, '_');
    members.push(pkg);
    write(`plugins/${plugin}/pyproject.toml`, pyproject(r, pkg, { plugin: true }));
    write(`plugins/${plugin}/README.md`, `# ${pkg}\n`);
    write(`plugins/${plugin}/LICENSE`, 'Apache License 2.0\n');
    write(`plugins/${plugin}/src/genkit/plugins/${mod}/py.typed`, '');
    py.push({ rel: `plugins/${plugin}/src/genkit/plugins/${mod}/__init__.py`, weight: 0.3 });
    for (let i = 1; i < pluginFiles; i++) {
      const test = i % 3 === 0;
      py.push(test ? { rel: `plugins/${plugin}/tests/${mod}_${name(r)}_test.py`, weight: 1, test } : { rel: `plugins/${plugin}/src/genkit/plugins/${mod}/${name(r)}.py`, weight: 1.2 });
    }
  }
  for (const sample of SAMPLES.slice(0, sampleCount)) {
    members.push(sample);
    write(`samples/${sample}/pyproject.toml`, pyproject(r, sample, { sample: true }));
    write(`samples/${sample}/README.md`, `# ${sample}\n`);
    write(`samples/${sample}/run.sh`, '#!/usr/bin/env bash\nexec uv run src/main.py "$@"\n');
    py.push({ rel: `samples/${sample}/src/main.py`, weight: 1.5 });
  }
  // The core package takes what is left of the budget of lintable files (Python and pyproject.toml).
  const pyprojects = written.filter((f) => f.endsWith('pyproject.toml')).length;
  for (let i = 0; py.length < files - pyprojects; i++) {
    const sub = CORE_DIRS[i % CORE_DIRS.length];
    const test = i % 4 === 3;
    py.push(test ? { rel: `packages/genkit/tests/genkit/${sub}/${sub}_${name(r)}_${i}_test.py`, weight: 1, test } : { rel: `packages/genkit/src/genkit/${sub}/${name(r)}_${i}.py`, weight: 1.3 });
  }
  const totalWeight = py.reduce((n, p) => n + p.weight, 0);
  for (const [i, p] of py.entries()) {
    const n = Math.max(20, Math.round((lines * p.weight) / totalWeight * (0.6 + r.next() * 0.8)));
    write(p.rel, genModule(seed * 100_003 + i, n, { test: !!p.test }));
  }
  const sources = members.map((m) => `${m} = { workspace = true }`).join('\n');
  writeFileSync(join(dir, 'pyproject.toml'), `[project]\nname = "genkit-workspace"\nversion = "0.1.0"\nrequires-python = ">=3.10"\n\n[tool.uv.workspace]\nmembers = ["packages/*", "plugins/*", "samples/*"]\n\n[tool.uv.sources]\n${sources}\n`);
  return written;
}
