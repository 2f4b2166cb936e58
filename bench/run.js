#!/usr/bin/env node
// Benchmark runner: `npm run bench -- <name>` runs bench/<name>.bench.ts, `npm run bench` runs them all.
// Each bench module exports (default) an async function returning { rows, notes? } (or just rows); the runner
// rewrites that bench's section of docs/benchmarks.md with the machine, the exact command and the date, and keeps
// every other section. TypeScript runs through @swc-node/register, as in bin/taonode.js.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');

const BENCH_DIR = __dirname;
const REPORT = path.join(__dirname, '..', 'docs', 'benchmarks.md');
const REPORT_HEADER =
  '# Benchmarks\n\n' +
  'Written by `bench/run.js` (`npm run bench -- <name>`): each section is replaced when its bench runs; other\n' +
  'sections are kept. Numbers come from whatever machine ran the command, shown in each section.\n';

function availableBenches() {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.slice(0, -'.bench.ts'.length))
    .sort();
}

function machineLine() {
  const cpus = os.cpus();
  const model = cpus[0] ? cpus[0].model.trim() : 'unknown CPU';
  const memoryGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memoryGiB} GiB memory, Node ${process.version} (${os.platform()} ${os.arch()})`;
}

function formatCell(value) {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      return value.toLocaleString('en-US');
    }
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return String(value);
}

function renderTable(rows) {
  if (rows.length === 0) {
    return '_no results_\n';
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
  for (const row of rows) {
    lines.push(`| ${columns.map((column) => (column in row ? formatCell(row[column]) : '')).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function renderSection(name, result, command) {
  const rows = Array.isArray(result) ? result : result.rows;
  const notes = Array.isArray(result) ? [] : result.notes || [];
  return [
    `<!-- bench:${name}:start -->`,
    '',
    `## ${name}`,
    '',
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machineLine()}`,
    '',
    renderTable(rows).trimEnd(),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
    '',
    `<!-- bench:${name}:end -->`,
  ].join('\n');
}

/** Formats the report like the rest of the repo (prettier aligns markdown tables), when prettier is installed. */
async function formatMarkdown(text) {
  let prettier;
  try {
    prettier = require('prettier');
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND') {
      return text;
    }
    throw error;
  }
  const options = (await prettier.resolveConfig(REPORT)) || {};
  return prettier.format(text, { ...options, filepath: REPORT });
}

async function writeSection(name, section) {
  const existing = fs.existsSync(REPORT) ? fs.readFileSync(REPORT, 'utf8') : REPORT_HEADER;
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  let updated;
  if (from >= 0 && to > from) {
    updated = existing.slice(0, from) + section + existing.slice(to + end.length);
  } else {
    updated = `${existing.trimEnd()}\n\n${section}\n`;
  }
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, await formatMarkdown(updated.endsWith('\n') ? updated : `${updated}\n`));
}

function benchFunction(moduleExports, name) {
  const candidate =
    typeof moduleExports.default === 'function'
      ? moduleExports.default
      : Object.values(moduleExports).find((value) => typeof value === 'function');
  if (typeof candidate !== 'function') {
    throw new Error(`bench/${name}.bench.ts exports no function`);
  }
  return candidate;
}

async function main() {
  const requested = process.argv[2];
  const benches = availableBenches();
  if (requested !== undefined && !benches.includes(requested)) {
    process.stderr.write(`unknown bench "${requested}"; available: ${benches.join(', ') || 'none'}\n`);
    process.exitCode = 2;
    return;
  }
  const names = requested === undefined ? benches : [requested];
  const command = requested === undefined ? 'npm run bench' : `npm run bench -- ${requested}`;
  for (const name of names) {
    process.stdout.write(`bench ${name}: running\n`);
    const run = benchFunction(require(path.join(BENCH_DIR, `${name}.bench.ts`)), name);
    const result = await run();
    const section = renderSection(name, result, command);
    await writeSection(name, section);
    process.stdout.write(`${section}\n`);
  }
  process.stdout.write(`written to ${path.relative(process.cwd(), REPORT)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
