import { Keyring } from '@polkadot/keyring';
import type { Codec } from '@polkadot/types/types';
import { stringCamelCase } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  DispatchError,
  OtherDispatchError,
  type DispatchContext,
  type Origin,
  type PalletModule,
} from '../../../runtime/dispatch-context';
import { EventEncoder } from '../../../runtime/events';
import { MetadataIndex } from '../../../runtime/metadata-index';
import { loadRuntimeMetadata, type RuntimeMetadata } from '../../../runtime/runtime-metadata';
import { BlockState } from '../../../state/block-state';
import { Storage } from '../../../state/storage';
import { adminUtilsPallet } from '../../admin-utils';
import { NEW_LOGIC_FLAGS, writeAccount } from '../../balances';
import { applySubtensorGenesis, type SubtensorGenesis } from '../genesis';
import { subtensorStartCall } from '../registration/start-call';
import { subtensorPallet } from '../subtensor.pallet';

export interface RecordedEvent {
  readonly pallet: string;
  readonly event: string;
  readonly fields: readonly unknown[];
}

export type CallOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** The call tables per decorated section (SubtensorModule's calls live in more than one table). */
const PALLETS: Readonly<Record<string, readonly PalletModule[]>> = {
  subtensorModule: [subtensorPallet, subtensorStartCall],
  adminUtils: [adminUtilsPallet],
};

/** sr25519 dev accounts by name (`alice` → //Alice), plus derived hotkeys (`alice/hot1` → //Alice//hot1). */
export class DevAccounts {
  private readonly keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

  address(name: string): string {
    const uri = name
      .split('/')
      .map((part) => `//${part.charAt(0).toUpperCase()}${part.slice(1)}`)
      .join('');
    return this.keyring.addFromUri(uri).address;
  }
}

/**
 * A SubtensorModule/AdminUtils chain without the block builder, for unit specs: calls run in a storage
 * layer that a failure discards, events are encoded against the real metadata (so a wrong field fails the
 * spec) and recorded, and `nextBlock` seals the state and runs `on_initialize` of the next block.
 */
export class SubtensorTestChain {
  readonly accounts = new DevAccounts();
  private readonly encoder: EventEncoder;
  private state = BlockState.empty();
  storage: Storage;
  /** Number of the block being built: calls run in it, its `on_initialize` has already run. */
  blockNumber = 0;
  events: RecordedEvent[] = [];

  /** @param runtime the metadata served (default: the spec-233 metadata; `runtimeMetadataFromBytes` for 424). */
  private constructor(readonly runtime: RuntimeMetadata) {
    this.encoder = new EventEncoder(runtime, new MetadataIndex(runtime));
    this.storage = new Storage(runtime, this.state);
  }

  static async create(
    genesis: SubtensorGenesis,
    balances: Readonly<Record<string, bigint>> = {},
    runtime: RuntimeMetadata = loadRuntimeMetadata(),
  ): Promise<SubtensorTestChain> {
    await cryptoWaitReady();
    const chain = new SubtensorTestChain(runtime);
    let issuance = 0n;
    for (const [account, free] of Object.entries(balances)) {
      writeAccount(chain.storage, account, {
        nonce: 0,
        consumers: 0,
        providers: 1,
        sufficients: 0,
        free,
        reserved: 0n,
        frozen: 0n,
        flags: NEW_LOGIC_FLAGS,
      });
      issuance += free;
    }
    chain.storage.set('balances', 'totalIssuance', [], issuance);
    applySubtensorGenesis(chain.storage, genesis);
    chain.nextBlock();
    return chain;
  }

  address(name: string): string {
    return this.accounts.address(name);
  }

  /** Dispatches `section.method` with arguments by decorated name, as `origin`, in the block being built. */
  call(origin: Origin, section: string, method: string, args: Readonly<Record<string, unknown>>): CallOutcome {
    const definition = PALLETS[section]
      ?.flatMap((pallet) => pallet.calls)
      .find((call) => stringCamelCase(call.name) === method);
    if (!definition) {
      throw new Error(`${section}.${method} is not simulated`);
    }
    const decoded = this.decodeArgs(section, method, args);
    const mark = this.events.length;
    const context: DispatchContext = {
      storage: this.storage,
      origin,
      blockNumber: this.blockNumber,
      deposit: (pallet, event, fields) => this.record(pallet, event, fields),
      dispatchNested: () => {
        throw new Error('nested dispatch is not part of these specs');
      },
    };
    try {
      this.storage.transactional(() => definition.dispatch(context, decoded));
      return { ok: true };
    } catch (error) {
      this.events.length = mark;
      if (error instanceof DispatchError) {
        // Every spec through here also checks the call's declaration: its own errors must be listed.
        if (error.pallet === definition.pallet && !definition.errors.includes(error.errorName)) {
          throw new Error(`${section}.${method} failed with ${error.errorName}, which its definition does not declare`);
        }
        return { ok: false, error: `${error.pallet}.${error.errorName}` };
      }
      if (error instanceof OtherDispatchError) {
        return { ok: false, error: error.variant };
      }
      throw error;
    }
  }

  signed(name: string): Origin {
    return { kind: 'signed', account: this.address(name) };
  }

  /** Seals the block being built and runs `on_initialize` of the next one (whose number calls then use). */
  nextBlock(): void {
    this.seal();
    this.blockNumber += 1;
    subtensorPallet.onInitialize?.({
      storage: this.storage,
      blockNumber: this.blockNumber,
      deposit: (pallet, event, fields) => this.record(pallet, event, fields),
    });
  }

  /** Advances until the block being built is `block` (its `on_initialize` has run). */
  advanceTo(block: number): void {
    while (this.blockNumber < block) {
      this.nextBlock();
    }
  }

  eventNames(): string[] {
    return this.events.map((event) => `${event.pallet}.${event.event}`);
  }

  get(item: string, ...keys: unknown[]): Codec {
    return this.storage.get('subtensorModule', item, ...keys);
  }

  private seal(): void {
    this.state = this.state.apply(this.storage.changes());
    this.storage = new Storage(this.runtime, this.state);
  }

  private record(pallet: string, event: string, fields: readonly unknown[]): void {
    this.encoder.encode(pallet, event, fields);
    this.events.push({ pallet, event, fields });
  }

  private decodeArgs(section: string, method: string, args: Readonly<Record<string, unknown>>): Record<string, Codec> {
    const callFunction = this.runtime.decorated.tx[section]?.[method];
    if (!callFunction) {
      throw new Error(`${section}.${method} is not in the metadata`);
    }
    const names = callFunction.meta.args.map((arg) => arg.name.toString());
    const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    const call = callFunction(...names.map((name) => args[camel(name)] ?? args[name]));
    return Object.fromEntries(call.argsEntries);
  }
}
