import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';

/** SS58 text of public keys seen recently: the same hotkeys come back every block, and SS58 needs a blake2 hash. */
const CACHE_LIMIT = 8192;
const cache = new Map<string, string>();

/** `encodeAddress(publicKey, ss58Format)`, memoised (bounded; cleared when full). */
export function ss58Address(publicKey: Uint8Array, ss58Format = BITTENSOR_SS58_FORMAT): string {
  const memo = `${ss58Format}:${u8aToHex(publicKey)}`;
  let address = cache.get(memo);
  if (address === undefined) {
    address = encodeAddress(publicKey, ss58Format);
    if (cache.size >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.set(memo, address);
  }
  return address;
}
