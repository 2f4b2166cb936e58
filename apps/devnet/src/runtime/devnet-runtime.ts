import { BlockBuilder } from '../chain/block-builder';
import { ExtrinsicApplier } from '../extrinsic/extrinsic-applier';
import { FeeCalculator } from '../extrinsic/fees';
import { TransactionValidator } from '../extrinsic/validator';
import { createBalancesPallet } from '../pallets/balances';
import { createDrandPallet, devnetBeacon, type DevnetBeacon } from '../pallets/drand';
import { adminUtilsPallet, subtensorPallet, subtensorStartCall, subtensorTimelockedCalls } from '../pallets/subtensor';
import { createSudoPallet } from '../pallets/sudo/sudo.pallet';
import { systemPallet } from '../pallets/system/system.pallet';
import { timestampPallet } from '../pallets/timestamp/timestamp.pallet';
import { createUtilityPallet } from '../pallets/utility/utility.pallet';
import { createAccountNonceApi } from '../runtime-apis/account-nonce.runtime-api';
import { createAuraApi } from '../runtime-apis/aura.runtime-api';
import { createCoreApi } from '../runtime-apis/core.runtime-api';
import { createMetadataApi } from '../runtime-apis/metadata.runtime-api';
import { RuntimeApiRegistry } from '../runtime-apis/runtime-api-registry';
import { createSubtensorRuntimeApis } from '../runtime-apis/subtensor';
import { createTransactionPaymentApis } from '../runtime-apis/transaction-payment.runtime-api';
import { CallRegistry } from './call-registry';
import type { PalletModule } from './dispatch-context';
import { Dispatcher } from './dispatcher';
import { EventEncoder } from './events';
import { MetadataIndex } from './metadata-index';
import { bigintConstant } from './runtime-constants';
import { loadRuntimeMetadata, type RuntimeMetadata } from './runtime-metadata';
import { RuntimeVersionInfo } from './runtime-version';

/** Everything that makes up the simulated runtime, wired once per process. */
export interface DevnetRuntime {
  readonly metadata: RuntimeMetadata;
  readonly index: MetadataIndex;
  readonly version: RuntimeVersionInfo;
  readonly pallets: readonly PalletModule[];
  readonly dispatcher: Dispatcher;
  /** Every offered call's one definition: dispatch, weight, fee rule, validity rule, errors. */
  readonly calls: CallRegistry;
  readonly fees: FeeCalculator;
  readonly validator: TransactionValidator;
  readonly encoder: EventEncoder;
  readonly applier: ExtrinsicApplier;
  readonly builder: BlockBuilder;
  readonly apis: RuntimeApiRegistry;
  readonly existentialDeposit: bigint;
  /** The drand test beacon whose pulses the blocks write (where the metadata has the Drand pallet). */
  readonly drandBeacon: DevnetBeacon;
}

export interface DevnetRuntimeOptions {
  /** The drand test beacon (default: the public dev seed's). */
  readonly drandBeacon?: DevnetBeacon;
}

/**
 * Wires the pallets (in the real runtime's pallet order, so `on_initialize` hooks run in that order), the
 * validity checks, the block builder and the runtime APIs. The runtime version's `apis` list is the
 * metadata's own, completed with the subtensor runtime API modules it does not list.
 */
export function createDevnetRuntime(
  metadata: RuntimeMetadata = loadRuntimeMetadata(),
  options: DevnetRuntimeOptions = {},
): DevnetRuntime {
  const index = new MetadataIndex(metadata);
  const existentialDeposit = bigintConstant(metadata, 'balances', 'existentialDeposit');
  const drandBeacon = options.drandBeacon ?? devnetBeacon();
  const pallets: PalletModule[] = [
    systemPallet,
    timestampPallet,
    createBalancesPallet(existentialDeposit),
    // Before SubtensorModule (unlike the real pallet order): the pulses stand for the offchain worker's
    // transactions, which on chain are in place before the next block's reveals.
    createDrandPallet(drandBeacon, bigintConstant(metadata, 'aura', 'slotDuration')),
    subtensorPallet,
    subtensorTimelockedCalls,
    subtensorStartCall,
    createUtilityPallet(index),
    createSudoPallet(index),
    adminUtilsPallet,
  ];
  const subtensorApis = createSubtensorRuntimeApis(metadata);
  const version = new RuntimeVersionInfo(
    metadata,
    subtensorApis.map((api) => ({ trait: api.trait, version: api.version })),
  );
  const calls = new CallRegistry(pallets, metadata);
  const dispatcher = new Dispatcher(calls);
  const fees = new FeeCalculator(metadata);
  const validator = new TransactionValidator(metadata, version, calls, fees, existentialDeposit);
  const applier = new ExtrinsicApplier(index, validator, dispatcher, fees, existentialDeposit);
  const encoder = new EventEncoder(metadata, index);
  const builder = new BlockBuilder({
    runtime: metadata,
    encoder,
    applier,
    fees,
    pallets,
  });
  const apis = new RuntimeApiRegistry([
    createCoreApi(version),
    createMetadataApi(metadata),
    createAccountNonceApi(metadata),
    createAuraApi(metadata),
    ...createTransactionPaymentApis(metadata, calls, fees, (storage) => validator.feeMultiplier(storage)),
    ...subtensorApis,
  ]);
  return {
    metadata,
    index,
    version,
    pallets,
    dispatcher,
    calls,
    fees,
    validator,
    encoder,
    applier,
    builder,
    apis,
    existentialDeposit,
    drandBeacon,
  };
}
