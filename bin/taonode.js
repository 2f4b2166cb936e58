#!/usr/bin/env node
// Entry point of the `taonode` command: runs the CLI's TypeScript sources through swc
// (decorator metadata for NestJS, tsconfig path aliases for @taonode/*) without a build step.
'use strict';
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('../apps/cli/src/main.ts');
