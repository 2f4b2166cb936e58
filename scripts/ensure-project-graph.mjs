// Builds Nx's project graph for @nx/enforce-module-boundaries before ESLint lints anything. That rule only reads a
// cached graph: without one it prints "No cached ProjectGraph is available. The rule will be skipped." and lints
// on, so an editor or a hook on a fresh checkout enforced no boundary at all (and a stale graph misses new
// projects and import edges). ESLint loads its configuration synchronously, and Nx's graph API is asynchronous,
// so the graph is built by a synchronous `nx show projects` child process, only when the cached graph is missing
// or older than a file the graph is made from. It honours NX_WORKSPACE_DATA_DIRECTORY like Nx itself does.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT_INPUTS = ['nx.json', 'package.json', 'package-lock.json', 'tsconfig.base.json', '.nxignore'];
const PROJECT_FOLDERS = ['apps', 'libs'];
const SKIPPED = new Set(['node_modules', 'dist', 'coverage']);
const GRAPH_INPUT = /(\.[cm]?[jt]s|project\.json|package\.json)$/;

/** Ensures an up-to-date cached project graph for the workspace at `workspaceRoot`. */
export function ensureProjectGraph(workspaceRoot) {
  const require = createRequire(join(workspaceRoot, 'package.json'));
  // Nx's own answer to "where is the cached graph", so NX_WORKSPACE_DATA_DIRECTORY and nx.json settings count.
  const graphFile = require('nx/src/project-graph/nx-deps-cache').nxProjectGraph;
  const builtAt = mtimeOf(graphFile);
  if (builtAt !== undefined && newestInput(workspaceRoot) <= builtAt) {
    return;
  }
  execFileSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'show', 'projects'], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function newestInput(workspaceRoot) {
  let newest = 0;
  for (const name of ROOT_INPUTS) {
    newest = Math.max(newest, mtimeOf(join(workspaceRoot, name)) ?? 0);
  }
  const pending = PROJECT_FOLDERS.map((folder) => join(workspaceRoot, folder));
  while (pending.length > 0) {
    const directory = pending.pop();
    // A directory's time changes when an entry is added, removed or renamed (a new project, a deleted file).
    newest = Math.max(newest, mtimeOf(directory) ?? 0);
    for (const entry of readdirOrNothing(directory)) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) {
        continue;
      }
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        pending.push(path);
      } else if (GRAPH_INPUT.test(entry.name)) {
        newest = Math.max(newest, mtimeOf(path) ?? 0);
      }
    }
  }
  return newest;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if (error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function readdirOrNothing(directory) {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      return [];
    }
    throw error;
  }
}
