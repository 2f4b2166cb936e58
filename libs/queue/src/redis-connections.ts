import { Redis, type RedisOptions } from 'ioredis';

/** Where connection errors go; ioredis emits them on every failed (re)connect, so they are warnings, not crashes. */
export type RedisErrorListener = (error: Error) => void;

export interface RedisConnectionOptions {
  /** `redis://` or `rediss://` URL (`REDIS_URL`). */
  readonly url: string;
  /** `CLIENT SETNAME`, so `CLIENT LIST` shows which app and role holds each connection. */
  readonly connectionName: string;
  /** Called with every connection error; without a listener ioredis would print them as unhandled. */
  readonly onError: RedisErrorListener;
}

function connect(options: RedisConnectionOptions, flavour: RedisOptions): Redis {
  const client = new Redis(options.url, { connectionName: options.connectionName, ...flavour });
  client.on('error', options.onError);
  return client;
}

/**
 * A producer's connection (gateway, scorer): fails fast while Redis is down (`enableOfflineQueue: false`, one
 * retry per command), so a request is answered 503 at once instead of waiting in an offline queue past its
 * deadline. ioredis still reconnects in the background, so the producer recovers by itself. Commands issued in the
 * same turn of the event loop leave in one write (`enableAutoPipelining`): under load a gateway sends many
 * requests' nonce checks and enqueues at once, and one socket write per command was a large share of its CPU.
 */
export function createProducerConnection(options: RedisConnectionOptions): Redis {
  return connect(options, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true });
}

/**
 * A BullMQ worker's connection: `maxRetriesPerRequest: null`, as BullMQ requires for blocking commands, so a
 * worker waits through a Redis restart instead of failing its loop.
 */
export function createWorkerConnection(options: RedisConnectionOptions): Redis {
  return connect(options, { maxRetriesPerRequest: null });
}

/**
 * A worker's reply publisher: the worker flavour (a publish waits through a Redis restart rather than failing a
 * job that has done its work), with the publishes of jobs finishing in the same turn of the event loop sent in
 * one write (`enableAutoPipelining`; one socket write per PUBLISH was a large share of a worker's CPU).
 */
export function createReplyPublisherConnection(options: RedisConnectionOptions): Redis {
  return connect(options, { maxRetriesPerRequest: null, enableAutoPipelining: true });
}

/**
 * A pub/sub subscriber connection (the reply bus). Subscriptions are restored by ioredis after a reconnect
 * (`autoResubscribe`, its default); commands queue while offline because a subscriber sends only SUBSCRIBE.
 * No ready check: ioredis checks readiness with INFO, which a connection already in subscriber mode (a SUBSCRIBE
 * sent from the offline queue, or restored on reconnect) may not send — the check then fails with "Connection in
 * subscriber mode" and the subscription can be lost.
 */
export function createSubscriberConnection(options: RedisConnectionOptions): Redis {
  return connect(options, { maxRetriesPerRequest: null, autoResubscribe: true, enableReadyCheck: false });
}

/**
 * A service's state connection (chain-sync's snapshots, weight-setter's leader lock and ledger). `lazyConnect`:
 * nothing happens until the first command, so building the service does no I/O. One retry per command: a write
 * that cannot happen now fails fast and the service decides (a snapshot is superseded by the next block's, a lock
 * renewal steps down). Commands sent while it (re)connects wait for it in the offline queue.
 */
export function createStateConnection(options: RedisConnectionOptions): Redis {
  return connect(options, { lazyConnect: true, maxRetriesPerRequest: 1 });
}

/**
 * Closes a connection at shutdown: QUIT, so replies to commands already sent still arrive. A connection never
 * opened (lazy, `wait`) or already ended is only dropped, and one whose QUIT fails (Redis is down, so it cannot
 * succeed) is dropped after telling `onQuitFailed`.
 */
export async function closeConnection(client: Redis, onQuitFailed: RedisErrorListener): Promise<void> {
  if (client.status === 'wait' || client.status === 'end') {
    client.disconnect();
    return;
  }
  await client.quit().catch((error: unknown) => {
    onQuitFailed(error instanceof Error ? error : new Error(String(error)));
    client.disconnect();
  });
}

/** Resolves once the connection is ready for commands (a producer refuses commands before that). */
export async function connectionReady(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const onReady = (): void => {
      client.off('end', onEnd);
      resolve();
    };
    const onEnd = (): void => {
      client.off('ready', onReady);
      reject(new Error('redis connection ended before it was ready'));
    };
    client.once('ready', onReady);
    client.once('end', onEnd);
  });
}
