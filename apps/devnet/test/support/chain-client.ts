import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SignerOptions, SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { DispatchError, EventRecord, Hash } from '@polkadot/types/interfaces';
import type { ISubmittableResult } from '@polkadot/types/types';
import { unrefRpcTeardownTimers } from '@taonode/chain';
import { NO_DATA_SIGNED_EXTENSIONS } from '../../src/runtime/runtime-metadata';

/** Builds blocks on demand: `dev_newBlock` on the devnet and on Chopsticks alike. */
export type Seal = () => Promise<unknown>;

/** What a submitted transaction ended as. */
export interface SealedTransaction {
  readonly statuses: readonly string[];
  readonly blockHash: Hash;
  readonly events: readonly EventRecord[];
  readonly dispatchError: DispatchError | undefined;
}

/**
 * An @polkadot/api client as taonode uses it: no-data signed extensions declared, init warnings off. Its
 * deferred unsubscribe timers do not hold the test process once it is disconnected (see @taonode/chain unrefRpcTeardownTimers).
 */
export function connect(url: string): Promise<ApiPromise> {
  unrefRpcTeardownTimers();
  return ApiPromise.create({
    provider: new WsProvider(url),
    signedExtensions: NO_DATA_SIGNED_EXTENSIONS,
    noInitWarn: true,
    throwOnConnect: true,
  });
}

/**
 * Signs and submits `tx`, seals a block once the pool reports it ready, and resolves when it is finalized
 * with the events of its block (taken at `inBlock`, as @polkadot/api reports them).
 */
export function sendAndSeal(
  tx: SubmittableExtrinsic<'promise'>,
  signer: KeyringPair,
  seal: Seal,
  options: Partial<SignerOptions> = {},
): Promise<SealedTransaction> {
  return new Promise((resolve, reject) => {
    const statuses: string[] = [];
    let inBlock: ISubmittableResult | undefined;
    let isSealed = false;
    let unsubscribe: (() => void) | undefined;
    const onStatus = (result: ISubmittableResult): void => {
      statuses.push(result.status.type);
      if (result.status.isReady && !isSealed) {
        isSealed = true;
        seal().catch(reject);
      }
      if (result.status.isInBlock) {
        inBlock = result;
      }
      if (result.status.isFinalized) {
        unsubscribe?.();
        const final = inBlock ?? result;
        resolve({
          statuses,
          blockHash: result.status.asFinalized,
          events: final.events,
          dispatchError: final.dispatchError,
        });
      }
      if (result.status.isInvalid || result.status.isDropped || result.status.isUsurped) {
        unsubscribe?.();
        reject(new Error(`transaction ended as ${result.status.type}`));
      }
    };
    tx.signAndSend(signer, options, onStatus).then((stop) => {
      unsubscribe = stop;
    }, reject);
  });
}

/** `section.method` of every event of the extrinsic, in order. */
export function eventNames(events: readonly EventRecord[]): string[] {
  return events.map(({ event }) => `${event.section}.${event.method}`);
}

/** The named module error (`sudo.RequireSudo`) or the kind of other dispatch errors (`token.FundsUnavailable`). */
export function describeDispatchError(api: ApiPromise, error: DispatchError | undefined): string | undefined {
  if (!error) {
    return undefined;
  }
  if (error.isModule) {
    const meta = api.registry.findMetaError(error.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (error.isToken) {
    return `token.${error.asToken.type}`;
  }
  if (error.isArithmetic) {
    return `arithmetic.${error.asArithmetic.type}`;
  }
  return error.type;
}

/** A numeric field of an event's data as a bigint. */
export function eventField(events: readonly EventRecord[], name: string, field: number): bigint | undefined {
  const record = events.find(({ event }) => `${event.section}.${event.method}` === name);
  const value = record?.event.data[field];
  return value === undefined ? undefined : BigInt(value.toString());
}
