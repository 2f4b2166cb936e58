#!/usr/bin/env node
// The npm registry this project installs from does not carry every platform build of some packages
// (e.g. @swc/core-darwin-arm64, @bufbuild/buf-win32-x64: 404). `npm install` then leaves them out of
// package-lock.json, and `npm ci` refuses the lock file ("Missing: … from lock file"). This script adds an
// entry for each missing optional platform package with its os/cpu/libc, so npm ci skips it on other
// platforms exactly as it would with a complete lock file. Run it after every `npm install`:
//   npm run lockfile:fix
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const LOCK = path.join(__dirname, '..', 'package-lock.json');

const OS_MARKERS = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux'];
const CPU_MARKERS = [
  ['arm64', ['arm64', 'aarch64']],
  ['x64', ['x64']],
  ['ia32', ['ia32']],
  ['arm', ['armv7', 'arm-gnueabihf', 'arm-musleabihf', 'arm-eabi']],
  ['ppc64', ['ppc64']],
  ['s390x', ['s390x']],
  ['loong64', ['loong64']],
  ['riscv64', ['riscv64']],
];

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS_MARKERS.find((marker) => base.includes(marker));
  const cpu = CPU_MARKERS.find(([, markers]) => markers.some((marker) => base.includes(marker)))?.[0];
  if (!os || !cpu) {
    return undefined;
  }
  const libc =
    os === 'linux' ? (base.includes('musl') ? 'musl' : base.includes('gnu') ? 'glibc' : undefined) : undefined;
  return { os, cpu, libc };
}

function main() {
  const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
  const packages = lock.packages;
  let added = 0;
  for (const [location, entry] of Object.entries(packages)) {
    const optional = entry.optionalDependencies ?? {};
    for (const [name, version] of Object.entries(optional)) {
      const hoisted = `node_modules/${name}`;
      const nested = `${location}/node_modules/${name}`;
      if (packages[hoisted] || packages[nested]) {
        continue;
      }
      const platform = platformOf(name);
      if (!platform) {
        continue; // not a platform build: a genuinely missing optional dependency, leave it to npm
      }
      packages[hoisted] = {
        version,
        cpu: [platform.cpu],
        ...(entry.dev ? { dev: true } : {}),
        ...(platform.libc ? { libc: [platform.libc] } : {}),
        license: 'UNKNOWN',
        optional: true,
        os: [platform.os],
      };
      added += 1;
    }
  }
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  lock.packages = sorted;
  fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`lockfile: added ${added} platform package entries the registry does not serve\n`);
}

main();
