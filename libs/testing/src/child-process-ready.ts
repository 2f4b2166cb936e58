import type { ChildProcess } from 'node:child_process';

/** A launched process did not become ready (exited, or timed out). */
export class LaunchError extends Error {
  readonly code = 'TAONODE_TESTING_LAUNCH_FAILED';
}

/**
 * Resolves with the first output line of `child` that matches `pattern`, rejecting if the process exits or
 * `timeoutMs` passes first. Every line seen is kept for the error message.
 */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  what: string,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    let buffered = '';
    const finish = (error: Error | undefined, match?: RegExpExecArray): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) {
        reject(error);
      } else if (match) {
        resolve(match);
      }
    };
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        seen.push(line);
        const match = pattern.exec(line);
        if (match) {
          finish(undefined, match);
          return;
        }
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new LaunchError(`${what} exited (${signal ?? code}) before it was ready:\n${seen.join('\n')}`));
    const timer = setTimeout(
      () => finish(new LaunchError(`${what} was not ready within ${timeoutMs} ms:\n${seen.join('\n')}`)),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Sends `signal` and resolves when the process has exited (SIGKILL after `graceMs`). */
export function stopProcess(child: ChildProcess, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}
