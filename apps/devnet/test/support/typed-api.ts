import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration, SubmittableExtrinsic } from '@polkadot/api/types';
import type { Vec } from '@polkadot/types';
import type { AccountInfo, EventRecord } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';

/**
 * Checked access to the metadata-decorated parts of @polkadot/api. The workspace does not load
 * `@polkadot/api-augment` (it would retype every app's `api`), so `api.tx.balances` is typed as possibly
 * undefined; these helpers fail loudly when a section is missing and give the results their codec types.
 */
type QueryRoot = Pick<ApiPromise, 'query'> | Pick<ApiDecoration<'promise'>, 'query'>;

type Decorated = Record<string, Record<string, unknown> | undefined>;

function member<T>(root: Decorated, kind: string, section: string, name: string): T {
  const value = root[section]?.[name];
  if (value === undefined) {
    throw new Error(`api.${kind}.${section}.${name} is not decorated`);
  }
  return value as T;
}

export function tx(
  api: ApiPromise,
  section: string,
  method: string,
): (...args: unknown[]) => SubmittableExtrinsic<'promise'> {
  return member(api.tx as unknown as Decorated, 'tx', section, method);
}

export function query<T extends Codec = Codec>(
  root: QueryRoot,
  section: string,
  item: string,
): (...args: unknown[]) => Promise<T> {
  return member(root.query as unknown as Decorated, 'query', section, item);
}

/** The raw storage key of `section.item(...args)`. */
export function storageKey(api: ApiPromise, section: string, item: string, ...args: unknown[]): string {
  const entry = member<{ key(...keys: unknown[]): string }>(api.query, 'query', section, item);
  return entry.key(...args);
}

export function runtimeCall<T extends Codec = Codec>(
  api: ApiPromise,
  section: string,
  method: string,
): (...args: unknown[]) => Promise<T> {
  return member(api.call as unknown as Decorated, 'call', section, method);
}

export function constant<T extends Codec = Codec>(api: ApiPromise, section: string, name: string): T {
  return member(api.consts as unknown as Decorated, 'consts', section, name);
}

export function accountInfo(root: QueryRoot, address: string): Promise<AccountInfo> {
  return query<AccountInfo>(root, 'system', 'account')(address);
}

export function systemEvents(root: QueryRoot): Promise<Vec<EventRecord>> {
  return query<Vec<EventRecord>>(root, 'system', 'events')();
}

/** Subscribes to `System.Account(address)`; resolves with the unsubscribe function. */
export function subscribeAccount(
  api: ApiPromise,
  address: string,
  onInfo: (info: AccountInfo) => void,
): Promise<() => void> {
  const subscribe = member<(who: string, callback: (info: AccountInfo) => void) => Promise<() => void>>(
    api.query,
    'query',
    'system',
    'account',
  );
  return subscribe(address, onInfo);
}

export async function freeBalance(root: QueryRoot, address: string): Promise<bigint> {
  return (await accountInfo(root, address)).data.free.toBigInt();
}
