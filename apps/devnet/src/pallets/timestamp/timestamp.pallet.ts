import { dbWeight, defineCall, NO_CUSTOM_VALIDITY, weighs } from '../../runtime/call-definition';
import { OtherDispatchError, type PalletModule } from '../../runtime/dispatch-context';

/**
 * pallet_timestamp's only call, `set`, is an inherent (`ensure_none`): the block builder applies it itself,
 * and a signed `timestamp.set` fails with `BadOrigin` as on the real chain.
 */
export const timestampPallet: PalletModule = {
  name: 'timestamp',
  calls: [
    defineCall({
      pallet: 'timestamp',
      name: 'set',
      weight: weighs(dbWeight(10_000_000n, 2, 1), { class: 'Mandatory' }),
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: () => {
        throw new OtherDispatchError('BadOrigin');
      },
    }),
  ],
};
