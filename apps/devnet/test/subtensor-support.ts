import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { Option } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { connect, describeDispatchError, eventNames, sendAndSeal } from './support/chain-client';

export const TAO = 1_000_000_000n;

export interface SentTransaction {
  readonly events: string[];
  readonly error: string | undefined;
  /** The data of the first event named `section.Method`, as bigints where numeric, else strings. */
  fields(name: string): (bigint | string)[] | undefined;
}

/** A devnet child process (manual blocks) with a connected client and dev keys. */
export interface SubtensorDevnet {
  readonly devnet: LaunchedDevnet;
  readonly api: ApiPromise;
  readonly key: (uri: string) => KeyringPair;
  /** Submits, seals one block, and reports the events and the named dispatch error (if any). */
  send(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<SentTransaction>;
  /** `sudo.sudo(call)` by Alice; resolves with the inner result (`Ok` or the error name). */
  sudo(call: SubmittableExtrinsic<'promise'>): Promise<string>;
  /** `api.tx[section][method](...args)`: subtensor's pallets have no generated augmentation, so look them up. */
  tx(section: string, method: string, ...args: unknown[]): SubmittableExtrinsic<'promise'>;
  /** `api.query[section][item](...keys)` as JSON (`null` for an absent Optional value). */
  json(section: string, item: string, ...keys: unknown[]): Promise<unknown>;
  /** A numeric storage value as a bigint (`Option` unwrapped, absent → undefined). */
  big(section: string, item: string, ...keys: unknown[]): Promise<bigint | undefined>;
  /** `System.Account(address).data.free`. */
  free(address: string): Promise<bigint>;
  stop(): Promise<void>;
}

export interface GenesisOptions {
  /** Extra genesis neurons of subnet 1 (hotkey URI, coldkey URI, alpha stake in rao, permit). */
  readonly neurons?: readonly { hotkey: string; coldkey: string; stake?: string; validatorPermit?: boolean }[];
  /** Extra funded accounts (URI → rao). subtensor's CheckNonce lets a hotkey without balance sign fee-free
   * calls; hotkeys that sign paying calls need funds. */
  readonly balances?: Readonly<Record<string, string>>;
  /** Chain-wide subtensor genesis values (`networkRateLimit`, `stakeThreshold`, …). */
  readonly chain?: Record<string, unknown>;
}

/**
 * Genesis with the dev accounts funded and subnet 1 owned by //Alice (hotkey //Alice//hot, funded), with
 * the given subnet hyperparameters.
 */
export function subtensorGenesis(hyperparameters: Record<string, unknown>, options: GenesisOptions = {}): object {
  const { neurons = [], balances = {}, chain: extra = {} } = options;
  return {
    sudo: '//Alice',
    balances: [
      ['//Alice', '1000000000000000'],
      ['//Bob', '1000000000000000'],
      ['//Charlie', '1000000000000000'],
      ['//Dave', '2000000000000'],
      ['//Alice//hot', '1000000000'],
      ...Object.entries(balances),
    ],
    subtensor: {
      networkRateLimit: 1,
      ...extra,
      subnets: [{ netuid: 1, ownerColdkey: '//Alice', ownerHotkey: '//Alice//hot', hyperparameters, neurons }],
    },
  };
}

export async function startSubtensorDevnet(genesis: object): Promise<SubtensorDevnet> {
  await cryptoWaitReady();
  const devnet = await startDevnet({ manual: true, genesis });
  const api = await connect(devnet.url);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const seal = () => devnet.newBlock();
  const send: SubtensorDevnet['send'] = async (tx, signer) => {
    const sealed = await sendAndSeal(tx, signer, seal);
    return {
      events: eventNames(sealed.events),
      error: describeDispatchError(api, sealed.dispatchError),
      fields: (name) =>
        sealed.events
          .find(({ event }) => `${event.section}.${event.method}` === name)
          ?.event.data.map((value) => (/^\d+$/.test(value.toString()) ? BigInt(value.toString()) : value.toString())),
    };
  };
  const tx: SubtensorDevnet['tx'] = (section, method, ...args) => {
    const build = api.tx[section]?.[method];
    if (!build) {
      throw new Error(`${section}.${method} is not in the metadata`);
    }
    return build(...args);
  };
  const query = async (section: string, item: string, keys: unknown[]): Promise<Codec> => {
    const read = api.query[section]?.[item];
    if (!read) {
      throw new Error(`${section}.${item} is not in the metadata`);
    }
    return read(...keys);
  };
  const big: SubtensorDevnet['big'] = async (section, item, ...keys) => {
    const value = await query(section, item, keys);
    const inner: Codec | undefined = value instanceof Option ? (value as Option<Codec>).unwrapOr(undefined) : value;
    return inner === undefined ? undefined : BigInt(inner.toString());
  };
  return {
    devnet,
    api,
    key: (uri) => keyring.addFromUri(uri),
    tx,
    json: async (section, item, ...keys) => (await query(section, item, keys)).toJSON(),
    big,
    free: async (address) => {
      const account = (await query('system', 'account', [address])) as Codec & { data: { free: Codec } };
      return BigInt(account.data.free.toString());
    },
    send,
    sudo: async (call) => {
      const sealed = await sendAndSeal(tx('sudo', 'sudo', call), keyring.addFromUri('//Alice'), seal);
      const sudid = sealed.events.find(({ event }) => event.section === 'sudo' && event.method === 'Sudid');
      const result = sudid?.event.data[0] as unknown as
        { isOk: boolean; asErr: Parameters<typeof describeDispatchError>[1] } | undefined;
      if (!result) {
        throw new Error(
          `sudo did not dispatch: ${describeDispatchError(api, sealed.dispatchError) ?? 'no Sudid event'}`,
        );
      }
      return result.isOk ? 'Ok' : (describeDispatchError(api, result.asErr) ?? 'Err');
    },
    stop: async () => {
      await api.disconnect();
      await devnet.stop();
    },
  };
}

export async function bestNumber(api: ApiPromise): Promise<number> {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
