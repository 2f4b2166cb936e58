import { randomBytes } from 'node:crypto';

/** Sends one JSON-RPC message to the peer. */
export type SendMessage = (message: object) => void;

/** An open subscription: `notify` sends `{method, params: {subscription, result}}` to its connection. */
export interface Subscription {
  readonly id: string;
  notify(result: unknown): void;
  /** Ends the subscription from the server side (e.g. after a transaction is finalized). */
  close(): void;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random 16-character subscription ids, the form jsonrpsee (substrate's server) hands out. */
function subscriptionId(): string {
  return [...randomBytes(16)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

interface SubscriptionState {
  readonly notificationMethod: string;
  readonly unsubscribeMethods: readonly string[];
  readonly cleanup: () => void;
  /** Notifications wait until the subscribe call's response is on the wire. */
  pending: unknown[] | undefined;
}

/**
 * One client connection's subscriptions. Notifications issued before the subscription id was returned are
 * held back and flushed right after the response, so the client never sees a notification for an id it
 * does not know yet.
 */
export class RpcConnection {
  private readonly subscriptions = new Map<string, SubscriptionState>();
  private isClosed = false;

  constructor(
    private readonly send: SendMessage,
    readonly supportsSubscriptions: boolean,
  ) {}

  subscribe(notificationMethod: string, unsubscribeMethods: readonly string[], cleanup: () => void): Subscription {
    const id = subscriptionId();
    const state: SubscriptionState = { notificationMethod, unsubscribeMethods, cleanup, pending: [] };
    this.subscriptions.set(id, state);
    return {
      id,
      notify: (result) => {
        if (this.isClosed || !this.subscriptions.has(id)) {
          return;
        }
        if (state.pending) {
          state.pending.push(result);
          return;
        }
        this.send({ jsonrpc: '2.0', method: notificationMethod, params: { subscription: id, result } });
      },
      close: () => this.end(id),
    };
  }

  /** Called once the response carrying `id` has been sent. */
  activate(id: unknown): void {
    const state = typeof id === 'string' ? this.subscriptions.get(id) : undefined;
    if (!state?.pending) {
      return;
    }
    const held = state.pending;
    state.pending = undefined;
    for (const result of held) {
      this.send({ jsonrpc: '2.0', method: state.notificationMethod, params: { subscription: id, result } });
    }
  }

  /** Ends subscription `id` if it was opened by a method that `unsubscribeMethod` cancels. */
  unsubscribe(unsubscribeMethod: string, id: unknown): boolean {
    const state = typeof id === 'string' ? this.subscriptions.get(id) : undefined;
    if (!state || !state.unsubscribeMethods.includes(unsubscribeMethod)) {
      return false;
    }
    this.end(id as string);
    return true;
  }

  close(): void {
    this.isClosed = true;
    for (const id of [...this.subscriptions.keys()]) {
      this.end(id);
    }
  }

  private end(id: string): void {
    const state = this.subscriptions.get(id);
    if (state) {
      this.subscriptions.delete(id);
      state.cleanup();
    }
  }
}
