import { performance } from 'node:perf_hooks';
import type { HttpResponse } from './http-response-reader';
import type { KeepAliveConnection } from './keep-alive-connection';

/** One connection and the requests signed for it (one uuid, nonces strictly increasing), sent in order. */
export interface Lane {
  readonly connection: KeepAliveConnection;
  readonly requests: readonly Buffer[];
}

export interface DriveOptions {
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly isCorrect: (status: number, body: string) => boolean;
  /**
   * Open loop: requests fall due at this rate, evenly spaced, each sent on whichever connection is free (so at most
   * one in flight per lane). Undefined: closed loop, each lane sends its next request as soon as the last answered.
   */
  readonly offeredPerSecond?: number;
}

/** Open loop only: requests that fell due in the measured window while every connection was busy. */
export interface Lateness {
  /** Requests that fell due in the measured window. */
  readonly due: number;
  /** Of those, sent later than due because no connection was free (including `unsent`). */
  readonly late: number;
  /** Of the late ones, never sent before the window closed. */
  readonly unsent: number;
  /** How long each late request that was sent waited for a free connection. */
  readonly waitsMs: readonly number[];
}

export interface DriveResult {
  readonly correct: number;
  readonly wrong: number;
  readonly seconds: number;
  /** Request written → whole answer read, correct answers only. */
  readonly latenciesMs: number[];
  /** Wrong answers by HTTP status, or by what went wrong when there was no answer. */
  readonly wrongReasons: Map<string, number>;
  readonly firstWrongBody: string | undefined;
  readonly lateness: Lateness | undefined;
}

/**
 * Drives the lanes for a warm-up then a measured window; only requests sent in the window and answered before it
 * closes count. A connection the server closes fails its request (counted wrong) and is reopened for the next.
 */
export async function driveLoad(lanes: readonly Lane[], options: DriveOptions): Promise<DriveResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const stopAt = measureFrom + options.measureMs;
  let correct = 0;
  let wrong = 0;
  const latenciesMs: number[] = [];
  const wrongReasons = new Map<string, number>();
  let firstWrongBody: string | undefined;
  const nextIndex = new Map<Lane, number>(lanes.map((lane) => [lane, 0]));
  let inFlight = 0;
  let noMoreSends = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const finishIfIdle = (): void => {
    if (noMoreSends && inFlight === 0) {
      finish();
    }
  };

  const countWrong = (reason: string, body: string): void => {
    wrong += 1;
    firstWrongBody ??= body.slice(0, 200);
    wrongReasons.set(reason, (wrongReasons.get(reason) ?? 0) + 1);
  };
  /** An answer the judge cannot read (a TextGeneration body that is not JSON) is wrong, not a crash. */
  const judge = (status: number, body: string): boolean => {
    try {
      return options.isCorrect(status, body);
    } catch {
      return false;
    }
  };
  const record = (sentAt: number, response: HttpResponse | Error): void => {
    const doneAt = performance.now();
    if (sentAt < measureFrom || doneAt > stopAt) {
      return;
    }
    if (response instanceof Error) {
      countWrong(response.name, response.message);
      return;
    }
    const body = response.body.toString('utf8');
    if (judge(response.status, body)) {
      correct += 1;
      latenciesMs.push(doneAt - sentAt);
    } else {
      countWrong(String(response.status), body);
    }
  };

  /** Sends the lane's next request; false when the lane has none left. */
  const send = (lane: Lane, onFree: (lane: Lane) => void): boolean => {
    const index = nextIndex.get(lane) ?? 0;
    const bytes = lane.requests[index];
    if (bytes === undefined) {
      return false;
    }
    nextIndex.set(lane, index + 1);
    inFlight += 1;
    const sentAt = performance.now();
    const answered = (response: HttpResponse | Error): void => {
      record(sentAt, response);
      inFlight -= 1;
      onFree(lane);
      finishIfIdle();
    };
    lane.connection
      .request(bytes)
      .then(answered, (error: unknown) => answered(error instanceof Error ? error : new Error(String(error))));
    return true;
  };

  let lateness: Lateness | undefined;
  if (options.offeredPerSecond === undefined) {
    const sendNext = (lane: Lane): void => {
      if (performance.now() < stopAt) {
        send(lane, sendNext);
      }
    };
    for (const lane of lanes) {
      send(lane, sendNext);
    }
  } else {
    lateness = await openLoop(lanes, options.offeredPerSecond, { measureFrom, stopAt }, send);
  }
  noMoreSends = true;
  finishIfIdle();
  await finished;
  return {
    correct,
    wrong,
    seconds: (Math.min(performance.now(), stopAt) - measureFrom) / 1000,
    latenciesMs,
    wrongReasons,
    firstWrongBody,
    lateness,
  };
}

/**
 * Requests fall due every 1/rate seconds; a timer hands each due request to a free connection. One that falls due
 * while every connection is busy waits (late) for the first connection to free up. Resolves when the window closes.
 */
async function openLoop(
  lanes: readonly Lane[],
  offeredPerSecond: number,
  window: { readonly measureFrom: number; readonly stopAt: number },
  send: (lane: Lane, onFree: (lane: Lane) => void) => boolean,
): Promise<Lateness> {
  const intervalMs = 1000 / offeredPerSecond;
  const free: Lane[] = [...lanes];
  /** Due times of requests that found no free connection, oldest first. */
  const waiting: number[] = [];
  let nextDue = performance.now();
  let due = 0;
  let late = 0;
  const waitsMs: number[] = [];
  const inWindow = (dueAt: number): boolean => dueAt >= window.measureFrom && dueAt < window.stopAt;

  const onFree = (lane: Lane): void => {
    const dueAt = waiting[0];
    if (dueAt !== undefined && performance.now() < window.stopAt) {
      if (send(lane, onFree)) {
        waiting.shift();
        if (inWindow(dueAt)) {
          waitsMs.push(performance.now() - dueAt);
        }
      }
      return;
    }
    free.push(lane);
  };
  const dispatchDue = (): void => {
    const now = performance.now();
    while (nextDue <= now && nextDue < window.stopAt) {
      if (inWindow(nextDue)) {
        due += 1;
      }
      let sent = false;
      while (!sent && free.length > 0) {
        const lane = free.shift();
        // A lane with no requests left is dropped from the pool.
        sent = lane !== undefined && send(lane, onFree);
      }
      if (!sent) {
        waiting.push(nextDue);
        if (inWindow(nextDue)) {
          late += 1;
        }
      }
      nextDue += intervalMs;
    }
  };

  await new Promise<void>((resolve) => {
    const tick = (): void => {
      dispatchDue();
      const now = performance.now();
      if (nextDue >= window.stopAt) {
        setTimeout(resolve, Math.max(0, window.stopAt - now));
        return;
      }
      setTimeout(tick, Math.max(0, nextDue - now));
    };
    tick();
  });
  const unsent = waiting.filter(inWindow).length;
  waiting.length = 0;
  return { due, late, unsent, waitsMs };
}
