#!/usr/bin/env node
// Setup step: obtains the artefacts the project needs but must not commit, checks them by hash, and caches
// them in the git-ignored .cache/ folder (TAONODE_CACHE_DIR names another). Idempotent: a valid cache is left
// alone. The commands that need an artefact fetch it on first use through the same code, so this step is
// for the npm hooks, CI caches and the Docker build.
//
// - Subtensor metadata (spec 224, V14): libs/chain/src/metadata/subtensor-metadata.ts.
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
// The one file, not the whole @taonode/chain (which would load @polkadot/api for nothing).
const { ensureSubtensorMetadata, SUBTENSOR_METADATA } = require('../libs/chain/src/metadata/subtensor-metadata.ts');

ensureSubtensorMetadata({ onFetch: (description) => process.stdout.write(`setup: ${description}\n`) }).then(
  (file) => {
    const relative = path.relative(process.cwd(), file);
    const shown = relative.startsWith('..') ? file : relative;
    process.stdout.write(`setup: ${shown} ok (sha256 ${SUBTENSOR_METADATA.sha256.slice(0, 12)}…)\n`);
  },
  (error) => {
    process.stderr.write(`setup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
