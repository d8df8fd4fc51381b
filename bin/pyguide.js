#!/usr/bin/env node
'use strict';
// V8 runs tree-sitter's WASM with baseline code first and recompiles its hot functions with the
// optimizing compiler on background threads once they have run a "budget" of code. A run that
// lints a few files (the result cache holds the rest) paid about 0.1 CPU-seconds for optimized
// code it hardly used; with a budget a hundred times the default (1,800,000) such a run costs 20%
// less CPU, and a cold run of Genkit's tree or of 1.77M lines the same within the noise (at most
// 2% more; docs/performance.md). Set before the WASM is compiled; `--wasm-tiering-budget` is in
// every V8 of Node 20 and later (newer ones raised its default to 13,000,000 themselves).
require('node:v8').setFlagsFromString('--wasm-tiering-budget=180000000');
const { main } = require('../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pyguide: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
