import { nestedCall } from '../../extrinsic/call-weights';
import { lookupAccount } from '../../runtime/account-lookup';
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
  return {
    name: 'sudo',
    calls: {
      sudo: (context, args) => {
        ensureSudo(context);
        context.deposit('sudo', 'Sudid', [dispatchAs(context, nestedCall(args.call), { kind: 'root' })]);
        return { paysFee: 'No' };
      },
      sudoUncheckedWeight: (context, args) => {
        ensureSudo(context);
        context.deposit('sudo', 'Sudid', [dispatchAs(context, nestedCall(args.call), { kind: 'root' })]);
        return { paysFee: 'No' };
      },
      sudoAs: (context, args) => {
        ensureSudo(context);
        const origin: Origin = { kind: 'signed', account: lookupAccount(args.who) };
        context.deposit('sudo', 'SudoAsDone', [dispatchAs(context, nestedCall(args.call), origin)]);
        return { paysFee: 'No' };
      },
      setKey: (context, args) => {
        const old = ensureSudo(context);
        const next = lookupAccount(args.new);
        context.storage.set('sudo', 'key', [], next);
        context.deposit('sudo', 'KeyChanged', [old, next]);
        return { paysFee: 'No' };
      },
      removeKey: (context) => {
        ensureSudo(context);
        context.storage.remove('sudo', 'key');
        context.deposit('sudo', 'KeyRemoved', []);
        return { paysFee: 'No' };
      },
    },
  };
}
