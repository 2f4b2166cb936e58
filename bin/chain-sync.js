#!/usr/bin/env node
// Runs the chain-sync service (apps/chain-sync) from its TypeScript sources through swc, as bin/taonode.js does
// for the CLI. Configuration comes from the environment (see docs/chain-sync.md).
'use strict';
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('../apps/chain-sync/src/main.ts');
