import { OtherDispatchError, type PalletModule } from '../../runtime/dispatch-context';

/**
 * pallet_timestamp's only call, `set`, is an inherent (`ensure_none`): the block builder applies it itself,
 * and a signed `timestamp.set` fails with `BadOrigin` as on the real chain.
 */
export const timestampPallet: PalletModule = {
  name: 'timestamp',
  calls: {
    set: () => {
      throw new OtherDispatchError('BadOrigin');
    },
  },
};
