/** The signals that ask a supervisor to stop: Ctrl-C, `kill`, and a closed terminal. */
export const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type TerminationSignal = (typeof TERMINATION_SIGNALS)[number];

/**
 * Calls `stop` on the first SIGINT, SIGTERM or SIGHUP. A second signal while stopping is ignored: the orderly stop
 * already ends every child within its grace period, and the lifeline ends them if this process is killed. Writes
 * to a terminal that has closed fail with EIO/EPIPE; those must not crash the stop, so stdout and stderr errors
 * are dropped from then on. Returns the function that removes the handlers.
 */
export function onTerminationSignal(stop: (signal: TerminationSignal) => void): () => void {
  let stopping = false;
  const handlers = TERMINATION_SIGNALS.map((signal) => {
    const handler = (): void => {
      if (signal === 'SIGHUP') {
        ignoreClosedTerminal();
      }
      if (!stopping) {
        stopping = true;
        stop(signal);
      }
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) {
      process.off(signal, handler);
    }
  };
}

function ignoreClosedTerminal(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EIO' && error.code !== 'EPIPE') {
        throw error;
      }
    });
  }
}
