#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI in place: swc compiles it on load, using the repository's tsconfig (paths
// such as @tminus/contracts) wherever the command is started from.
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require(path.join(__dirname, '..', 'apps', 'cli', 'src', 'main.ts'));
