import { EventEmitter } from 'node:events';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { ChainError, isChainError } from '../errors/chain.error';
import { isRefusedConnection, toChainError } from '../errors/rpc-error.classifier';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../network/backoff';
import { withDeadline } from '../network/deadline';
import { resolveEndpoints, type EndpointSelection, type NetworkName } from '../network/networks';
import { ChainFeatures } from './chain-features';
import { SILENT_LOGGER, type ChainLogger } from './chain-logger';
import { unrefRpcTeardownTimers } from './rpc-teardown-timers';

/**
 * Subtensor's signed extensions that carry no data. Declaring them keeps @polkadot/types from warning
 * "Unknown signed extensions … treating them as no-effect" on every connection (subtensor.md §2.3).
 */
export const SUBTENSOR_SIGNED_EXTENSIONS = {
  SubtensorSignedExtension: { extrinsic: {}, payload: {} },
  CommitmentsSignedExtension: { extrinsic: {}, payload: {} },
} as const;

export interface ChainClientOptions extends EndpointSelection {
  /** Overall deadline for the first connection (all endpoints, with backoff), default 30 s. */
  readonly connectTimeoutMs?: number;
  /** Default deadline of each call made through {@link ChainClient.call}, default 30 s. */
  readonly callTimeoutMs?: number;
  /** Reconnect backoff, default 250 ms doubling to 30 s, with jitter. */
  readonly backoff?: BackoffPolicy;
  readonly logger?: ChainLogger;
  /**
   * Give up the first connection as soon as every endpoint of the pool has refused it (nothing listens, or the
   * host name does not resolve) instead of retrying until `connectTimeoutMs`: for one-shot commands, where a
   * typo'd or stopped endpoint should answer at once as btcli does. Services leave it off and wait for the chain.
   */
  readonly failWhenRefused?: boolean;
}

/** What the connection did, for logs and metrics (e.g. chain-sync's reconnect counter). */
export type ConnectionEvent =
  | { readonly type: 'connected'; readonly endpoint: string; readonly reconnect: boolean }
  | { readonly type: 'disconnected'; readonly endpoint: string }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'error'; readonly error: ChainError };

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * Owns one `ApiPromise` over a pool of endpoints. The websocket provider's own fixed-interval reconnect is
 * off; this class reconnects with exponential backoff and jitter, moving to the next endpoint of the pool
 * each time. The provider re-sends live subscriptions after a reconnect, so head followers keep working.
 */
export class ChainClient {
  readonly #events = new EventEmitter();
  readonly #logger: ChainLogger;
  readonly #backoff: BackoffPolicy;
  #attempt = 0;
  #reconnects = 0;
  #everConnected = false;
  /** True between a `connected` and the next close: failed reconnect attempts report no new disconnect. */
  #isUp = false;
  #closing = false;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #lastError: ChainError | undefined;
  /** Endpoints that refused before the first connection (see {@link ChainClientOptions.failWhenRefused}). */
  readonly #refusedBy = new Set<string>();
  #onRefusedEverywhere: ((error: ChainError) => void) | undefined;

  private constructor(
    readonly api: ApiPromise,
    private readonly provider: WsProvider,
    /** The endpoint pool, in order. */
    readonly endpoints: readonly string[],
    /** The network the pool belongs to, `custom` for any other endpoint. */
    readonly network: NetworkName | 'custom',
    /** Default per-call deadline in ms. */
    readonly callTimeoutMs: number,
    options: ChainClientOptions,
  ) {
    this.#logger = options.logger ?? SILENT_LOGGER;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    // Listeners may come and go with every follower; no leak warning for a handful of them.
    this.#events.setMaxListeners(0);
    provider.on('connected', () => this.onConnected());
    provider.on('disconnected', () => this.onDisconnected());
    provider.on('error', (error: unknown) => this.onProviderError(error));
  }

  /**
   * Connects to the first endpoint of the selection that answers, retrying through the pool with backoff
   * until `connectTimeoutMs`. Fails with `TAONODE_CHAIN_TIMEOUT` (or the last connection error's code, such as
   * `TAONODE_CHAIN_RATE_LIMITED`) when no endpoint became ready in time.
   */
  static async connect(options: ChainClientOptions = {}): Promise<ChainClient> {
    const { endpoints, network } = resolveEndpoints(options);
    const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    // autoConnectMs false: reconnecting is ours. The provider's request timeout only cleans up handlers;
    // deadlines are enforced per call by `call`.
    const provider = new WsProvider([...endpoints], false, {}, Math.max(callTimeoutMs, 60_000));
    const api = new ApiPromise({ provider, signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS, noInitWarn: true });
    const client = new ChainClient(api, provider, endpoints, network, callTimeoutMs, options);
    // `isReadyOrError` rejects on the first socket error; we wait on `isReady` with our own deadline and keep
    // the errors ourselves (#lastError), so this promise's rejection is observed here and nowhere else.
    api.isReadyOrError.catch((error: unknown) => {
      client.#lastError ??= toChainError(error, 'connect');
    });
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    unrefRpcTeardownTimers();
    client.openSocket();
    const refusedEverywhere = new Promise<never>((_, reject) => {
      client.#onRefusedEverywhere = options.failWhenRefused ? reject : undefined;
    });
    try {
      await withDeadline(
        Promise.race([api.isReady, refusedEverywhere]),
        connectTimeoutMs,
        `connect to ${endpoints.join(', ')}`,
      );
    } catch (error) {
      await client.disconnect();
      if (isChainError(error, 'TAONODE_CHAIN_UNREACHABLE')) {
        throw error;
      }
      const last = client.#lastError;
      if (last !== undefined && last.code !== 'TAONODE_CHAIN_DISCONNECTED') {
        throw new ChainError(last.code, `${last.message} (no endpoint ready within ${connectTimeoutMs} ms)`, {
          cause: error,
        });
      }
      const timedOut = toChainError(error, 'connect');
      // "no answer within 30000 ms" alone hides why: say what the socket last said (refused, reset, …).
      throw last === undefined
        ? timedOut
        : new ChainError(timedOut.code, `${timedOut.message} (last: ${last.message})`, { cause: error });
    } finally {
      client.#onRefusedEverywhere = undefined;
    }
    return client;
  }

  /** The endpoint of the current (or last) connection. */
  get endpoint(): string {
    return this.provider.endpoint ?? this.endpoints[0] ?? '';
  }

  get isConnected(): boolean {
    return this.provider.isConnected;
  }

  /** How many times the connection came back after being lost. */
  get reconnects(): number {
    return this.#reconnects;
  }

  /** What the connected runtime offers (storage items, calls, runtime APIs), read from its metadata. */
  get features(): ChainFeatures {
    return new ChainFeatures(this.api);
  }

  /** Listens to connection events; returns the function that stops listening. */
  onConnection(listener: (event: ConnectionEvent) => void): () => void {
    this.#events.on('event', listener);
    return () => {
      this.#events.off('event', listener);
    };
  }

  /**
   * Runs `work` with a deadline (default {@link callTimeoutMs}) and translates every failure into a
   * {@link ChainError}: `TAONODE_CHAIN_TIMEOUT`, `TAONODE_CHAIN_DISCONNECTED` (no waiting for a reconnect:
   * callers decide whether to retry), `TAONODE_CHAIN_RATE_LIMITED`, `TAONODE_CHAIN_RPC_ERROR`, ….
   * `what` names the operation in error messages.
   */
  async call<T>(what: string, work: (api: ApiPromise) => Promise<T>, timeoutMs = this.callTimeoutMs): Promise<T> {
    if (!this.provider.isConnected) {
      throw new ChainError('TAONODE_CHAIN_DISCONNECTED', `${what}: not connected to ${this.endpoint} (reconnecting)`);
    }
    return withDeadline(work(this.api), timeoutMs, what);
  }

  /** Resolves once the websocket is up (immediately if it is), or fails with `TAONODE_CHAIN_TIMEOUT`. */
  async whenConnected(timeoutMs = this.callTimeoutMs): Promise<void> {
    if (this.provider.isConnected) {
      return;
    }
    let stop = (): void => undefined;
    const connected = new Promise<void>((resolve) => {
      stop = this.onConnection((event) => {
        if (event.type === 'connected') {
          resolve();
        }
      });
    });
    try {
      await withDeadline(connected, timeoutMs, `reconnect to ${this.endpoints.join(', ')}`);
    } finally {
      stop();
    }
  }

  /** Closes the connection for good: no more reconnects; pending calls fail with `TAONODE_CHAIN_DISCONNECTED`. */
  async disconnect(): Promise<void> {
    this.#closing = true;
    clearTimeout(this.#reconnectTimer);
    this.#events.removeAllListeners();
    try {
      await this.api.disconnect();
    } catch (error) {
      // Disconnecting a socket that never opened throws; the client is closed either way.
      this.#logger.warn({ error: toChainError(error, 'disconnect').message }, 'chain disconnect failed');
    }
  }

  private openSocket(): void {
    this.provider.connect().catch((error: unknown) => {
      // A synchronous failure (bad URL, socket already open) emits no close event: schedule the retry here.
      this.#lastError = toChainError(error, `connect to ${this.endpoint}`);
      this.scheduleReconnect();
    });
  }

  private onConnected(): void {
    const reconnect = this.#everConnected;
    this.#everConnected = true;
    this.#isUp = true;
    this.#attempt = 0;
    this.#lastError = undefined;
    if (reconnect) {
      this.#reconnects += 1;
    }
    this.#logger.info({ endpoint: this.endpoint, reconnect }, 'chain connected');
    this.emit({ type: 'connected', endpoint: this.endpoint, reconnect });
  }

  private onDisconnected(): void {
    if (this.#closing) {
      return;
    }
    if (this.#isUp) {
      this.#isUp = false;
      this.#logger.warn({ endpoint: this.endpoint }, 'chain disconnected');
      this.emit({ type: 'disconnected', endpoint: this.endpoint });
    }
    this.scheduleReconnect();
  }

  private onProviderError(error: unknown): void {
    if (this.#closing) {
      return;
    }
    const chainError = toChainError(error, `websocket ${this.endpoint}`);
    this.noteRefusal(chainError);
    // Socket errors always come with a close, which reports the disconnect; keep the cause for messages.
    this.#lastError = chainError.code === 'TAONODE_CHAIN_RPC_ERROR' ? (this.#lastError ?? chainError) : chainError;
    this.emit({ type: 'error', error: chainError });
  }

  /** Before the first connection: once every endpoint has refused, a `failWhenRefused` connect gives up. */
  private noteRefusal(error: ChainError): void {
    if (this.#everConnected || this.#onRefusedEverywhere === undefined || !isRefusedConnection(error)) {
      return;
    }
    this.#refusedBy.add(this.endpoint);
    if (this.endpoints.every((endpoint) => this.#refusedBy.has(endpoint))) {
      this.#onRefusedEverywhere(
        new ChainError(
          'TAONODE_CHAIN_UNREACHABLE',
          `nothing answers at ${this.endpoints.join(', ')} (${error.message})`,
        ),
      );
    }
  }

  private scheduleReconnect(): void {
    if (this.#closing || this.#reconnectTimer !== undefined) {
      return;
    }
    // A rate-limited endpoint gets the longest wait of the policy before we knock again.
    const attempt = this.#lastError?.code === 'TAONODE_CHAIN_RATE_LIMITED' ? Number.MAX_SAFE_INTEGER : this.#attempt;
    const delayMs = backoffDelay(Math.min(attempt, 64), this.#backoff);
    this.#attempt += 1;
    this.emit({ type: 'reconnecting', attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (!this.#closing && !this.provider.isConnected) {
        this.openSocket();
      }
    }, delayMs);
  }

  private emit(event: ConnectionEvent): void {
    this.#events.emit('event', event);
  }
}
