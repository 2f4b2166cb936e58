#!/usr/bin/env node
// Setup step for the inference worker: generates the synthetic byte-level ONNX model into a Triton-layout model
// repository (default .cache/models → .cache/models/taonode-bytelm/2/model.onnx) and checks its sha256. The
// worker and kserve-server also generate it on first use; this step exists for Triton and for CI caches.
// Usage: node scripts/setup-model.js [repository]
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const {
  ensureBytelmModel,
  modelFilePath,
  DEFAULT_MODEL_REPOSITORY,
  BYTELM_SHA256,
} = require('../libs/inference/src/index.ts');

const repository = path.resolve(process.argv[2] ?? DEFAULT_MODEL_REPOSITORY);
ensureBytelmModel(repository).then(
  () => process.stdout.write(`model ready: ${modelFilePath(repository)} (sha256 ${BYTELM_SHA256})\n`),
  (error) => {
    process.stderr.write(`setup-model: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
