import { JobAbortScope } from './job-abort-scope';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function abortedWithin(signal: AbortSignal, ms: number): Promise<boolean> {
  if (signal.aborted) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('JobAbortScope', () => {
  it('aborts at the deadline with a TimeoutError', async () => {
    const scope = new JobAbortScope(new AbortController().signal, Date.now() + 50);
    const { signal } = scope;
    expect(signal.aborted).toBe(false);
    expect(await abortedWithin(signal, 10_000)).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    scope.close();
  });

  it('aborts when the worker interrupts its jobs, with the interrupt’s reason', async () => {
    const interrupt = new AbortController();
    const scope = new JobAbortScope(interrupt.signal, Date.now() + 60_000);
    const { signal } = scope;
    const reason = new Error('worker shutting down');
    interrupt.abort(reason);
    expect(await abortedWithin(signal, 1000)).toBe(true);
    expect(signal.reason).toBe(reason);
    scope.close();
  });

  it('is aborted on first read when the interrupt came before it', () => {
    const interrupt = new AbortController();
    interrupt.abort(new Error('worker shutting down'));
    expect(new JobAbortScope(interrupt.signal, Date.now() + 60_000).signal.aborted).toBe(true);
  });

  it('neither times out nor follows the interrupt once closed', async () => {
    const interrupt = new AbortController();
    const scope = new JobAbortScope(interrupt.signal, Date.now() + 30);
    const { signal } = scope;
    scope.close();
    await sleep(100);
    interrupt.abort(new Error('worker shutting down'));
    expect(signal.aborted).toBe(false);
  });
});
