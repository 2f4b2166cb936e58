import { intervalProvider } from 'rxjs/internal/scheduler/intervalProvider';

/**
 * Lets the process exit while @polkadot/api's deferred teardowns are still pending.
 *
 * @polkadot/rpc-core keeps every subscription and every query `at` a block alive for 1.75 s after its last
 * subscriber leaves (refCountDelay on rxjs's asapScheduler), and one such teardown can start the next. After
 * `api.disconnect()` these timers only tidy a client that is gone, yet they kept every one-shot CLI command alive
 * about 1.7 s after its last line, and test processes 2–5 s past their last test. Unref'd, they still run while
 * the process lives but no longer keep it alive. Nothing of ours relies on an rxjs timer to stay alive: services
 * hold listening sockets, followers hold the websocket.
 *
 * Affects the rxjs of this module registry (the process's, or one jest test file's); idempotent.
 */
export function unrefRpcTeardownTimers(): void {
  if (intervalProvider.delegate !== undefined) {
    return;
  }
  intervalProvider.delegate = {
    // rxjs passes no extra arguments (AsyncAction.requestAsyncId).
    setInterval: (handler, timeout) => setInterval(handler, timeout).unref(),
    clearInterval: (handle) => clearInterval(handle),
  };
}
