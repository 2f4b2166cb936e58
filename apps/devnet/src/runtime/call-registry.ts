import { stringCamelCase } from '@polkadot/util';
import type { Storage } from '../state/storage';
import {
  dbWeight,
  weighs,
  type CallDefinition,
  type ResolvedDispatchInfo,
  type RuntimeFeatures,
  type WeightDeclaration,
} from './call-definition';
import type { CallInvocation, PalletModule } from './dispatch-context';
import type { RuntimeMetadata } from './runtime-metadata';

/**
 * What `payment_queryInfo` and the TransactionPayment APIs quote for a call the devnet does not simulate (it
 * is refused at submission anyway): a one-read-one-write call that pays, as AdminUtils setters roughly are.
 */
export const DEFAULT_DISPATCH_INFO: ResolvedDispatchInfo = { ...weighs(dbWeight(14_000_000n, 1, 1)), pays: 'Yes' };

/** The decorated key a decoded call carries: `subtensorModule.setWeights`. */
const keyOf = (pallet: string, method: string): string => `${pallet}.${method}`;

/**
 * The calls this devnet offers: the pallets' call definitions whose call exists in the served metadata
 * (feature detection: a definition for a call the runtime does not have is simply not offered). Dispatch,
 * declared weight, fee rule and validity rule of a call all come from its one definition.
 */
export class CallRegistry {
  private readonly definitions = new Map<string, CallDefinition>();
  readonly features: RuntimeFeatures;

  constructor(pallets: readonly PalletModule[], metadata: RuntimeMetadata) {
    this.features = runtimeFeatures(metadata);
    const offered = metadataCalls(metadata);
    for (const pallet of pallets) {
      for (const definition of pallet.calls) {
        const key = keyOf(definition.pallet, stringCamelCase(definition.name));
        if (offered.has(key)) {
          this.definitions.set(key, definition);
        }
      }
    }
  }

  /** The definition of a decoded call, or `undefined` when the devnet does not simulate it. */
  find(call: CallInvocation): CallDefinition | undefined {
    return this.definitions.get(keyOf(call.section, call.method));
  }

  /** Every offered definition (for specs and docs). */
  all(): readonly CallDefinition[] {
    return [...this.definitions.values()];
  }

  /** The declared `DispatchInfo` of any call, nested calls included. */
  info(call: CallInvocation): ResolvedDispatchInfo {
    const definition = this.find(call);
    if (!definition) {
      return DEFAULT_DISPATCH_INFO;
    }
    const weight: WeightDeclaration =
      typeof definition.weight === 'function'
        ? definition.weight(call.args, (nested) => this.info(nested))
        : definition.weight;
    const pays = typeof definition.pays === 'function' ? definition.pays(this.features) : definition.pays;
    return { ...weight, pays };
  }

  /**
   * The call's own validity rule at pool time, in the block numbered `blockNumber`: `undefined` (valid) or
   * the `Custom(n)` code.
   */
  validate(storage: Storage, signer: string, call: CallInvocation, blockNumber: number): number | undefined {
    return this.find(call)?.validate({ storage, signer, blockNumber, features: this.features }, call.args);
  }
}

/** The features of the served runtime that call rules depend on, detected from its metadata. */
export function runtimeFeatures(metadata: RuntimeMetadata): RuntimeFeatures {
  const extensions = metadata.registry.signedExtensions;
  return { subtensorTransactionExtension: extensions.includes('SubtensorTransactionExtension') };
}

/** `pallet.method` (decorated) of every call in the metadata. */
function metadataCalls(metadata: RuntimeMetadata): Set<string> {
  const keys = new Set<string>();
  for (const [section, methods] of Object.entries(metadata.decorated.tx)) {
    for (const method of Object.keys(methods)) {
      keys.add(keyOf(section, method));
    }
  }
  return keys;
}
