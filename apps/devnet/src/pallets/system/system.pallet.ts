import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { dbWeight, defineCall, NO_CUSTOM_VALIDITY, weighs } from '../../runtime/call-definition';
import { ensureRoot, signedAccount, type PalletModule } from '../../runtime/dispatch-context';

/** The `Bytes` argument's content, without its length prefix. */
const bytesOf = (codec: Codec | undefined): Uint8Array => codec?.toU8a(true) ?? new Uint8Array();

/** Root-only raw storage calls: sudo wraps them, so only the outer weight matters (approximate). */
const ROOT_STORAGE_WEIGHT = weighs(dbWeight(14_000_000n, 1, 1));

/** frame_system's user-facing calls: remarks, and root's raw storage writes (handy for test set-up). */
export const systemPallet: PalletModule = {
  name: 'system',
  calls: [
    defineCall({
      pallet: 'system',
      name: 'remark',
      weight: (args) => weighs(2_000_000n + 388n * BigInt(bytesOf(args.remark).length)),
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: () => undefined,
    }),
    defineCall({
      pallet: 'system',
      name: 'remark_with_event',
      weight: (args) => weighs(9_000_000n + 1_400n * BigInt(bytesOf(args.remark).length)),
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: (context, args) => {
        const sender = signedAccount(context.origin);
        context.deposit('system', 'Remarked', [sender, blake2AsHex(bytesOf(args.remark), 256)]);
      },
    }),
    defineCall({
      pallet: 'system',
      name: 'set_storage',
      weight: ROOT_STORAGE_WEIGHT,
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: (context, args) => {
        ensureRoot(context.origin);
        const items = args.items as unknown as [Codec, Codec][];
        for (const [key, value] of items) {
          context.storage.setRaw(u8aToHex(bytesOf(key)), u8aToHex(bytesOf(value)));
        }
      },
    }),
    defineCall({
      pallet: 'system',
      name: 'kill_storage',
      weight: ROOT_STORAGE_WEIGHT,
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: (context, args) => {
        ensureRoot(context.origin);
        for (const key of args.keys as unknown as Codec[]) {
          context.storage.setRaw(u8aToHex(bytesOf(key)), null);
        }
      },
    }),
    defineCall({
      pallet: 'system',
      name: 'kill_prefix',
      weight: ROOT_STORAGE_WEIGHT,
      pays: 'Yes',
      validate: NO_CUSTOM_VALIDITY,
      errors: [],
      dispatch: (context, args) => {
        ensureRoot(context.origin);
        const prefix = u8aToHex(bytesOf(args.prefix));
        for (const key of context.storage.keysWithPrefix(prefix)) {
          context.storage.setRaw(key, null);
        }
      },
    }),
  ],
};
