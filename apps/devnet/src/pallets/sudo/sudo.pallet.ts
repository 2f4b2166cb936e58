import { nestedCall } from '../../extrinsic/decoded-extrinsic';
import { lookupAccount } from '../../runtime/account-lookup';
import {
  dbWeight,
  defineCall,
  NO_CUSTOM_VALIDITY,
  weighs,
  type CallDefinition,
  type CallWeight,
} from '../../runtime/call-definition';
import {
  DispatchError,
  signedAccount,
  type CallInvocation,
  type DispatchContext,
  type Origin,
  type PalletModule,
} from '../../runtime/dispatch-context';
import { isDispatchFailure, toDispatchErrorValue, type DispatchErrorValue } from '../../runtime/dispatch-errors';
import type { MetadataIndex } from '../../runtime/metadata-index';

/**
 * pallet_sudo: the key holder dispatches calls as root. The outer call always succeeds once the origin is the
 * key (the inner result goes into `Sudid`/`SudoAsDone`) and returns `Pays::No`, so the fee withdrawn before
 * dispatch is refunded, as on the real chain.
 */
export function createSudoPallet(index: MetadataIndex): PalletModule {
  const ensureSudo = (context: DispatchContext): string => {
    const sender = signedAccount(context.origin);
    const key = context.storage.getIfPresent('sudo', 'key');
    if (key?.toString() !== sender) {
      throw new DispatchError('sudo', 'RequireSudo');
    }
    return sender;
  };
  const dispatchAs = (
    context: DispatchContext,
    call: CallInvocation,
    origin: Origin,
  ): { Ok: null } | { Err: DispatchErrorValue } => {
    try {
      context.dispatchNested(call, origin);
      return { Ok: null };
    } catch (error) {
      if (!isDispatchFailure(error)) {
        throw error;
      }
      return { Err: toDispatchErrorValue(index, error) };
    }
  };
  /**
   * Every sudo call pays when submitted (so a non-key signer is charged, as `RequireSudo` costs on chain) and
   * reports `Pays::No` after dispatch once the key signed it.
   */
  const sudoCall = (name: string, weight: CallWeight, dispatch: CallDefinition['dispatch']): CallDefinition =>
    defineCall({
      pallet: 'sudo',
      name,
      weight,
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: ['RequireSudo'],
      dispatch,
    });
  return {
    name: 'sudo',
    calls: [
      sudoCall('sudo', wrappedWeight, (context, args) => {
        ensureSudo(context);
        context.deposit('sudo', 'Sudid', [dispatchAs(context, nestedCall(args.call), { kind: 'root' })]);
        return { paysFee: 'No' };
      }),
      sudoCall(
        'sudo_unchecked_weight',
        (args, nested) => {
          const declared = args.weight?.toJSON() as { refTime?: number | string } | undefined;
          return { ...nested(nestedCall(args.call)), refTime: BigInt(declared?.refTime ?? 0) };
        },
        (context, args) => {
          ensureSudo(context);
          context.deposit('sudo', 'Sudid', [dispatchAs(context, nestedCall(args.call), { kind: 'root' })]);
          return { paysFee: 'No' };
        },
      ),
      sudoCall('sudo_as', wrappedWeight, (context, args) => {
        ensureSudo(context);
        const origin: Origin = { kind: 'signed', account: lookupAccount(args.who) };
        context.deposit('sudo', 'SudoAsDone', [dispatchAs(context, nestedCall(args.call), origin)]);
        return { paysFee: 'No' };
      }),
      sudoCall('set_key', weighs(dbWeight(9_000_000n, 1, 1)), (context, args) => {
        const old = ensureSudo(context);
        const next = lookupAccount(args.new);
        context.storage.set('sudo', 'key', [], next);
        context.deposit('sudo', 'KeyChanged', [old, next]);
        return { paysFee: 'No' };
      }),
      sudoCall('remove_key', weighs(dbWeight(8_000_000n, 1, 1)), (context) => {
        ensureSudo(context);
        context.storage.remove('sudo', 'key');
        context.deposit('sudo', 'KeyRemoved', []);
        return { paysFee: 'No' };
      }),
    ],
  };
}

/** pallet_sudo's own overhead on top of the wrapped call's weight. */
const SUDO_OVERHEAD = dbWeight(10_514_000n, 1, 0);

/** `sudo`/`sudo_as`: the wrapped call's weight and class plus pallet_sudo's overhead. */
const wrappedWeight: CallWeight = (args, nested) => {
  const inner = nested(nestedCall(args.call));
  return { refTime: inner.refTime + SUDO_OVERHEAD, proofSize: inner.proofSize, class: inner.class };
};
