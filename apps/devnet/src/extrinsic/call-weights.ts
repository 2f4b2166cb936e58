import type { Codec } from '@polkadot/types/types';
import type { CallDispatchInfo, CallInvocation, PalletModule } from '../runtime/dispatch-context';
import { callInvocation } from './decoded-extrinsic';
import type { DispatchClassName } from './fees';

/** A call's declared dispatch info with every field resolved. */
export interface ResolvedDispatchInfo {
  readonly refTime: bigint;
  readonly proofSize: bigint;
  readonly class: DispatchClassName;
  readonly pays: 'Yes' | 'No';
}

/** RocksDbWeight, as the metadata's `System.DbWeight` constant gives it. */
const READ = 25_000_000n;
const WRITE = 100_000_000n;

const weight = (base: bigint, reads: number, writes: number): bigint =>
  base + BigInt(reads) * READ + BigInt(writes) * WRITE;

/** A free (Pays::No) subtensor call of class Normal or Operational. */
const free = (refTime: bigint, dispatchClass: DispatchClassName = 'Normal'): CallDispatchInfo => ({
  refTime,
  class: dispatchClass,
  pays: 'No',
});

/**
 * Declared weights of the calls the devnet simulates, taken from the `#[pallet::weight]` attributes of
 * subtensor at spec 234 (its dispatches.rs and admin-utils) and from polkadot-sdk's benchmarked weights for
 * balances/system/sudo/utility (RocksDbWeight: read 25 µs, write 100 µs). They decide fees, so a
 * transfer costs what it costs on the real chain within the benchmarks' drift. Calls absent here and from a
 * pallet's own `dispatchInfo` take `DEFAULT_DISPATCH_INFO`.
 */
const DECLARED: Readonly<Record<string, CallDispatchInfo>> = {
  'balances.transferAllowDeath': { refTime: weight(48_363_000n, 1, 1), proofSize: 3593n },
  'balances.transferKeepAlive': { refTime: weight(38_159_000n, 1, 1), proofSize: 3593n },
  'balances.transferAll': { refTime: weight(47_385_000n, 1, 1), proofSize: 3593n },
  'balances.forceTransfer': { refTime: weight(49_944_000n, 2, 2), proofSize: 6196n },
  'balances.forceSetBalance': { refTime: weight(19_929_000n, 1, 1), proofSize: 3593n },
  'sudo.setKey': { refTime: weight(9_000_000n, 1, 1), class: 'Normal' },
  'sudo.removeKey': { refTime: weight(8_000_000n, 1, 1), class: 'Normal' },
  'subtensorModule.setWeights': free(weight(22_060_000_000n, 4106, 2)),
  'subtensorModule.batchSetWeights': free(weight(22_060_000_000n, 4106, 2)),
  'subtensorModule.commitWeights': free(weight(46_000_000n, 1, 1)),
  'subtensorModule.batchCommitWeights': free(weight(46_000_000n, 1, 2)),
  'subtensorModule.revealWeights': free(weight(103_000_000n, 11, 3)),
  'subtensorModule.batchRevealWeights': free(weight(367_612_000n, 14, 3)),
  'subtensorModule.commitCrv3Weights': free(weight(46_000_000n, 1, 1)),
  'subtensorModule.addStake': free(weight(124_000_000n, 10, 7)),
  'subtensorModule.removeStake': free(weight(111_000_000n, 10, 7)),
  'subtensorModule.addStakeLimit': free(weight(124_000_000n, 10, 7)),
  'subtensorModule.removeStakeLimit': free(weight(111_000_000n, 10, 7)),
  'subtensorModule.serveAxon': free(weight(46_000_000n, 4, 1)),
  'subtensorModule.serveAxonTls': free(weight(46_000_000n, 4, 1)),
  'subtensorModule.servePrometheus': free(weight(45_000_000n, 4, 1)),
  'subtensorModule.register': free(weight(192_000_000n, 24, 22)),
  'subtensorModule.rootRegister': free(weight(164_000_000n, 23, 20)),
  'subtensorModule.burnedRegister': free(weight(177_000_000n, 26, 24)),
  'subtensorModule.registerNetwork': free(weight(157_000_000n, 16, 30), 'Operational'),
  'subtensorModule.registerNetworkWithIdentity': free(weight(157_000_000n, 16, 30), 'Operational'),
  'subtensorModule.startCall': free(weight(25_000_000n, 2, 1)),
  'subtensorModule.unstakeAll': free(weight(3_000_000n, 0, 1), 'Operational'),
  'subtensorModule.moveStake': free(weight(3_000_000n, 0, 1), 'Operational'),
  'subtensorModule.setChildren': { refTime: weight(119_000_000n, 6, 31), class: 'Operational' },
  'subtensorModule.setIdentity': { refTime: weight(45_000_000n, 4, 1) },
  'subtensorModule.setSubnetIdentity': { refTime: weight(45_000_000n, 4, 1) },
};

/** Unlisted calls: a one-read-one-write call that pays (AdminUtils setters are benchmarked near this). */
export const DEFAULT_DISPATCH_INFO: CallDispatchInfo = { refTime: weight(14_000_000n, 1, 1) };

/** pallet_sudo's own overhead on top of the wrapped call's weight. */
const SUDO_OVERHEAD = weight(10_514_000n, 1, 0);
/** pallet_utility::batch(c) overhead: a base plus a per-call part. */
const BATCH_BASE = 5_312_000n;
const BATCH_PER_CALL = 3_761_000n;

/**
 * Resolves the declared `DispatchInfo` of any call, nested calls included (sudo and utility add their own
 * overhead to the weights of the calls they wrap, and take their class, as the FRAME pallets do).
 */
export class CallWeigher {
  private readonly overrides = new Map<
    string,
    CallDispatchInfo | ((args: Readonly<Record<string, Codec>>) => CallDispatchInfo)
  >();

  constructor(pallets: readonly PalletModule[]) {
    for (const pallet of pallets) {
      for (const [method, info] of Object.entries(pallet.dispatchInfo ?? {})) {
        this.overrides.set(`${pallet.name}.${method}`, info);
      }
    }
  }

  info(call: CallInvocation): ResolvedDispatchInfo {
    const key = `${call.section}.${call.method}`;
    const override = this.overrides.get(key);
    if (override) {
      return resolve(typeof override === 'function' ? override(call.args) : override);
    }
    return this.builtIn(call, key);
  }

  private builtIn(call: CallInvocation, key: string): ResolvedDispatchInfo {
    switch (key) {
      case 'system.remark':
        return resolve({ refTime: 2_000_000n + 388n * BigInt(byteLength(call.args.remark)) });
      case 'system.remarkWithEvent':
        return resolve({ refTime: 9_000_000n + 1_400n * BigInt(byteLength(call.args.remark)) });
      case 'timestamp.set':
        return resolve({ refTime: weight(10_000_000n, 2, 1), class: 'Mandatory' });
      case 'sudo.sudo':
      case 'sudo.sudoAs': {
        const inner = this.info(nestedCall(call.args.call));
        return { ...inner, refTime: inner.refTime + SUDO_OVERHEAD, pays: 'Yes' };
      }
      case 'sudo.sudoUncheckedWeight': {
        const inner = this.info(nestedCall(call.args.call));
        const declared = call.args.weight?.toJSON() as { refTime?: number | string } | undefined;
        return { ...inner, refTime: BigInt(declared?.refTime ?? 0), pays: 'Yes' };
      }
      case 'utility.batch':
      case 'utility.batchAll':
      case 'utility.forceBatch': {
        const calls = (call.args.calls as unknown as Codec[] | undefined) ?? [];
        const inner = calls.map((nested) => this.info(nestedCall(nested)));
        const total = inner.reduce((sum, info) => sum + info.refTime, 0n);
        const allOperational = inner.length > 0 && inner.every((info) => info.class === 'Operational');
        return resolve({
          refTime: total + BATCH_BASE + BATCH_PER_CALL * BigInt(calls.length),
          class: allOperational ? 'Operational' : 'Normal',
        });
      }
      default:
        return resolve(DECLARED[key] ?? DEFAULT_DISPATCH_INFO);
    }
  }
}

/** Builds the `CallInvocation` of a decoded `Call` codec (what sudo and utility carry). */
export function nestedCall(codec: Codec | undefined): CallInvocation {
  if (!codec) {
    throw new TypeError('missing Call argument');
  }
  return callInvocation(codec);
}

function resolve(info: CallDispatchInfo): ResolvedDispatchInfo {
  return {
    refTime: info.refTime,
    proofSize: info.proofSize ?? 0n,
    class: info.class ?? 'Normal',
    pays: info.pays ?? 'Yes',
  };
}

function byteLength(codec: Codec | undefined): number {
  return codec ? codec.toU8a(true).length : 0;
}
