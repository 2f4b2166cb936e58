import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ensureRoot, signedAccount, type PalletModule } from '../../runtime/dispatch-context';

/** The `Bytes` argument's content, without its length prefix. */
const bytesOf = (codec: Codec | undefined): Uint8Array => codec?.toU8a(true) ?? new Uint8Array();

/** frame_system's user-facing calls: remarks, and root's raw storage writes (handy for test set-up). */
export const systemPallet: PalletModule = {
  name: 'system',
  calls: {
    remark: () => undefined,
    remarkWithEvent: (context, args) => {
      const sender = signedAccount(context.origin);
      context.deposit('system', 'Remarked', [sender, blake2AsHex(bytesOf(args.remark), 256)]);
    },
    setStorage: (context, args) => {
      ensureRoot(context.origin);
      const items = args.items as unknown as [Codec, Codec][];
      for (const [key, value] of items) {
        context.storage.setRaw(u8aToHex(bytesOf(key)), u8aToHex(bytesOf(value)));
      }
    },
    killStorage: (context, args) => {
      ensureRoot(context.origin);
      for (const key of args.keys as unknown as Codec[]) {
        context.storage.setRaw(u8aToHex(bytesOf(key)), null);
      }
    },
    killPrefix: (context, args) => {
      ensureRoot(context.origin);
      const prefix = u8aToHex(bytesOf(args.prefix));
      for (const key of context.storage.keysWithPrefix(prefix)) {
        context.storage.setRaw(key, null);
      }
    },
  },
};
