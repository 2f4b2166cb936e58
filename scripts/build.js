#!/usr/bin/env node
// Compiles every app and lib to JavaScript for the container image, so nothing compiles TypeScript at run time:
// `node scripts/build.js [outDir]` (default dist/). The output mirrors the checkout (dist/apps/<app>/src/*.js,
// dist/libs/<lib>/src/*.js) so paths computed from __dirname (proto/, genesis files, .cache/) stay valid, and each
// workspace package.json's `main` is rewritten from src/*.ts to src/*.js: npm's workspace links then resolve
// @taonode/* to the compiled code without any path-alias machinery. Tests, specs and test support are left out.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.join(__dirname, '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist');

const swcOptions = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcOptions.$schema;
// Stack traces in production logs point at the compiled file; inline maps would double the image's code.
swcOptions.sourceMaps = false;
swcOptions.swcrc = false;

const SKIPPED = /(\.spec\.ts|\.int-spec\.ts|\.d\.ts)$/;

/** Every file under `dir` (relative paths), skipping folders named in `skipDirs`. */
function walk(dir, skipDirs, prefix = '') {
  const entries = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) {
        entries.push(...walk(dir, skipDirs, relative));
      }
    } else if (entry.isFile()) {
      entries.push(relative);
    }
  }
  return entries;
}

function buildPackage(kind, name) {
  const source = path.join(root, kind, name);
  const target = path.join(outDir, kind, name);
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  if (typeof manifest.main === 'string') {
    manifest.main = manifest.main.replace(/\.ts$/, '.js');
  }
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  let compiled = 0;
  for (const file of walk(source, new Set(['test', 'node_modules', 'dist', 'fixtures']))) {
    if (file === 'package.json' || file === 'project.json' || file.startsWith('tsconfig') || SKIPPED.test(file)) {
      continue;
    }
    const destination = path.join(target, file);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    if (file.endsWith('.ts')) {
      const { code } = swc.transformFileSync(path.join(source, file), { ...swcOptions, filename: file });
      fs.writeFileSync(destination.replace(/\.ts$/, '.js'), code);
      compiled += 1;
    } else {
      // Data the code reads beside itself (genesis JSON, model configs, …).
      fs.copyFileSync(path.join(source, file), destination);
    }
  }
  return compiled;
}

fs.rmSync(outDir, { recursive: true, force: true });
let total = 0;
for (const kind of ['libs', 'apps']) {
  for (const name of fs.readdirSync(path.join(root, kind))) {
    if (!fs.existsSync(path.join(root, kind, name, 'package.json'))) {
      continue;
    }
    total += buildPackage(kind, name);
  }
}
process.stdout.write(`build: ${total} files compiled to ${path.relative(root, outDir) || '.'}\n`);
