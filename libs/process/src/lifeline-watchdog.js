// Runs one command for a supervisor and ties its life to the supervisor's (Linux has PR_SET_PDEATHSIG, Node
// does not expose it, and redis-server is not ours to change). Started by @taonode/process as
//   node lifeline-watchdog.js <grace-ms> <command> [args…]
// in a new session and process group, with the supervisor holding the other end of a pipe on fd 3 (the
// lifeline). The kernel closes that pipe however the supervisor ends — exit, crash, SIGKILL — so end-of-file
// on fd 3 means "the supervisor is gone": the command gets SIGTERM, and after <grace-ms> everything left in
// the process group gets SIGKILL. SIGTERM/SIGINT/SIGHUP sent to this process are forwarded the same way. The
// command inherits stdout and stderr, so its output reaches the supervisor without a copy in between. This
// process exits the way the command did (same code, or the same signal).
//
// Plain CommonJS on purpose: it starts in tens of milliseconds and needs no compiler.
'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');

const [graceArgument, command, ...args] = process.argv.slice(2);
const graceMs = Number(graceArgument);
if (!command || !Number.isFinite(graceMs) || graceMs < 0) {
  process.stderr.write('usage: lifeline-watchdog.js <grace-ms> <command> [args...]\n');
  process.exit(2);
}

// The supervisor may already be gone when we have something to say.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', () => undefined);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let childExited = false;
let killTimer;

function killGroup(signal) {
  try {
    process.kill(-process.pid, signal);
  } catch {
    // ESRCH: the group is already empty.
  }
}

function shutDown(signal) {
  if (childExited) {
    return;
  }
  child.kill(signal);
  killTimer ??= setTimeout(() => killGroup('SIGKILL'), graceMs);
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  // A closed terminal is a request to stop, forwarded as SIGTERM (not every command treats SIGHUP as one).
  process.on(signal, () => shutDown(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}

const lifeline = new net.Socket({ fd: 3, readable: true, writable: false });
lifeline.on('data', () => undefined);
lifeline.on('end', () => shutDown('SIGTERM'));
lifeline.on('close', () => shutDown('SIGTERM'));
lifeline.on('error', () => shutDown('SIGTERM'));

child.on('error', (error) => {
  childExited = true;
  process.stderr.write(`cannot run ${command}: ${error.message}\n`);
  process.exit(127);
});

child.on('exit', (code, signal) => {
  childExited = true;
  clearTimeout(killTimer);
  lifeline.destroy();
  // Whatever the command started in our group goes with it; our own SIGTERM handler ignores this one.
  killGroup('SIGTERM');
  if (signal) {
    for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
      process.removeAllListeners(name);
    }
    process.kill(process.pid, signal);
    // A signal whose default action does not end the process: report it the shell's way.
    process.exit(128 + (require('node:os').constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
