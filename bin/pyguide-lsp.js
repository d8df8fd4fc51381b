#!/usr/bin/env node
'use strict';
// Starts the language server; vscode-languageserver reads --stdio / --node-ipc / --socket=N itself.
require('../dist/server.js');
