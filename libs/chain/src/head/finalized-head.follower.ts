import type { Header } from '@polkadot/types/interfaces';
import { Observable } from 'rxjs';
import { finalizedBlock } from '../client/block-ref';
import type { ChainClient, ConnectionEvent } from '../client/chain-client';
import { SILENT_LOGGER, type ChainLogger } from '../client/chain-logger';
import { toChainError } from '../errors/rpc-error.classifier';
import type { FinalizedHead } from '../metagraph/metagraph.types';

export interface FollowOptions {
  /**
   * If no finalized head arrives for this long while connected, the follower asks the node for its finalized
   * head and re-subscribes (a subscription the node dropped silently would otherwise stall us). Default 60 s.
   */
  readonly stallTimeoutMs?: number;
  readonly logger?: ChainLogger;
}

const DEFAULT_STALL_TIMEOUT_MS = 60_000;

/**
 * Finalized heads as the node reports them, surviving reconnects. Emits the current finalized head on
 * subscription and after every reconnect (the websocket provider re-subscribes by itself; we also poll once
 * so a head finalized while we were away is not missed). Within one connection heads only move forward;
 * after a reconnect the first head is emitted whatever its number, since the node may be another one (or a
 * restarted devnet). Nodes report only the newest finalized block, so numbers may jump by more than one.
 * Never errors: transport failures are retried; it completes only when the subscriber unsubscribes.
 */
export function followFinalizedHeads(client: ChainClient, options: FollowOptions = {}): Observable<FinalizedHead> {
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const logger = options.logger ?? SILENT_LOGGER;
  return new Observable<FinalizedHead>((subscriber) => {
    let last: FinalizedHead | undefined;
    let afterReconnect = false;
    let unsubscribeHeads: (() => void) | undefined;
    let stallTimer: NodeJS.Timeout | undefined;
    let closed = false;

    const emit = (head: FinalizedHead): void => {
      if (closed) {
        return;
      }
      armStallTimer();
      if (last !== undefined && head.hash === last.hash) {
        return;
      }
      if (last !== undefined && !afterReconnect && head.number <= last.number) {
        return;
      }
      afterReconnect = false;
      last = head;
      subscriber.next(head);
    };

    const pollOnce = (): void => {
      client
        .call('read finalized head', (api) => finalizedBlock(api))
        .then(emit)
        .catch((error: unknown) => {
          // The next reconnect (or stall check) polls again.
          logger.warn({ code: toChainError(error, 'poll').code }, 'finalized head poll failed');
        });
    };

    const subscribeHeads = (): void => {
      unsubscribeHeads?.();
      unsubscribeHeads = undefined;
      client.api.rpc.chain
        .subscribeFinalizedHeads((header: Header) =>
          emit({ number: header.number.toNumber(), hash: header.hash.toHex() }),
        )
        .then((unsubscribe) => {
          if (closed) {
            unsubscribe();
          } else {
            unsubscribeHeads = unsubscribe;
          }
        })
        .catch((error: unknown) => {
          // The provider re-subscribes after the reconnect that follows, and the stall check retries.
          logger.warn({ code: toChainError(error, 'subscribe').code }, 'finalized head subscription failed');
        });
    };

    const armStallTimer = (): void => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        if (!closed && client.isConnected) {
          subscribeHeads();
          pollOnce();
        }
        armStallTimer();
      }, stallTimeoutMs);
      stallTimer.unref();
    };

    const stopListening = client.onConnection((event: ConnectionEvent) => {
      switch (event.type) {
        case 'connected':
          afterReconnect = true;
          pollOnce();
          return;
        case 'disconnected':
        case 'reconnecting':
        case 'error':
          return;
      }
    });

    subscribeHeads();
    pollOnce();
    armStallTimer();

    return () => {
      closed = true;
      clearTimeout(stallTimer);
      stopListening();
      unsubscribeHeads?.();
    };
  });
}
