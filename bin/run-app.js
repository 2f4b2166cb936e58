#!/usr/bin/env node
// Runs one service of the stack from its TypeScript sources: `node bin/run-app.js chain-sync`.
// swc compiles on the fly with decorator metadata (NestJS) and the @taonode/* path aliases.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const app = process.argv[2];
const main = app && path.join(__dirname, '..', 'apps', app, 'src', 'main.ts');
if (!main || !fs.existsSync(main)) {
  process.stderr.write(`usage: run-app.js <app>; no apps/${app ?? '?'}/src/main.ts\n`);
  process.exit(2);
}
// The app's own argument parser sees only what follows the app name (`run-app.js devnet --port 9944`).
process.argv.splice(2, 1);
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require(main);
