#!/usr/bin/env node
'use strict';
// Runs the CLI compiled by `npm run build` (dist/), or, in a checkout that was never built, the
// TypeScript source through swc (compiled on load, with the repository's tsconfig paths).
const { existsSync } = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (existsSync(built)) {
  require(built);
} else {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
  require('@swc-node/register');
  require(path.join(__dirname, '..', 'apps', 'cli', 'src', 'main.ts'));
}
