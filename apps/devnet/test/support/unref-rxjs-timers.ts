import { intervalProvider } from 'rxjs/internal/scheduler/intervalProvider';

/**
 * @polkadot/rpc-core keeps every subscription and every query `at` a block alive for 1.75 s after its last
 * subscriber leaves (refCountDelay on rxjs's asapScheduler), and one such teardown can start the next. After
 * `api.disconnect()` these timers only tidy a client that is gone, yet they hold the test process 2–5 s past its
 * last test ("Jest did not exit one second after the test run has completed"). Unref'd, they still run while
 * the process lives (an open socket or a listening devnet keeps it alive) but no longer keep it alive.
 * Only the rxjs loaded in this test file's module registry is affected.
 */
export function unrefRxjsTimers(): void {
  if (intervalProvider.delegate !== undefined) {
    return;
  }
  intervalProvider.delegate = {
    // rxjs passes no extra arguments (AsyncAction.requestAsyncId).
    setInterval: (handler, timeout) => setInterval(handler, timeout).unref(),
    clearInterval: (handle) => clearInterval(handle),
  };
}
