import type { TypeRegistry } from '@polkadot/types';
import type { Header } from '@polkadot/types/interfaces';
import { bnToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import type { Hex } from '../state/block-state';

/** The consensus engine id of Aura (`*b"aura"`), as subtensor's blocks carry it in their pre-runtime digest. */
const AURA_ENGINE_ID = stringToU8a('aura');

/** Fields of a substrate block header before encoding. */
export interface HeaderFields {
  readonly parentHash: Hex;
  readonly number: number;
  readonly stateRoot: Hex;
  readonly extrinsicsRoot: Hex;
  /** The Aura slot announced by the block's `PreRuntime` digest; the genesis header has no digest. */
  readonly auraSlot: bigint | undefined;
}

/** `state_getHeader`'s JSON: block number as hex, digest logs as SCALE hex of each `DigestItem`. */
export interface HeaderJson {
  readonly parentHash: Hex;
  readonly number: Hex;
  readonly stateRoot: Hex;
  readonly extrinsicsRoot: Hex;
  readonly digest: { readonly logs: readonly Hex[] };
}

/** An encoded header and its hash: blake2-256 of the SCALE header, as substrate's `BlakeTwo256` hashes blocks. */
export class BlockHeader {
  readonly encoded: Uint8Array;
  readonly hash: Hex;
  readonly json: HeaderJson;

  constructor(
    registry: TypeRegistry,
    readonly fields: HeaderFields,
  ) {
    const header = registry.createType<Header>('Header', {
      parentHash: fields.parentHash,
      number: fields.number,
      stateRoot: fields.stateRoot,
      extrinsicsRoot: fields.extrinsicsRoot,
      digest: { logs: fields.auraSlot === undefined ? [] : auraDigestItems(fields.auraSlot) },
    });
    this.encoded = header.toU8a();
    this.hash = u8aToHex(blake2AsU8a(this.encoded, 256));
    this.json = {
      parentHash: fields.parentHash,
      number: `0x${fields.number.toString(16)}`,
      stateRoot: fields.stateRoot,
      extrinsicsRoot: fields.extrinsicsRoot,
      digest: { logs: header.digest.logs.map((log) => u8aToHex(log.toU8a())) },
    };
  }

  get number(): number {
    return this.fields.number;
  }

  get parentHash(): Hex {
    return this.fields.parentHash;
  }
}

/** The digest items of a block authored in `slot`: one `PreRuntime(*b"aura", slot as u64 LE)`. */
export function auraDigestItems(slot: bigint): { PreRuntime: [Uint8Array, Hex] }[] {
  // The payload goes in as hex: a Uint8Array given for `Bytes` would be read as already length-prefixed.
  return [{ PreRuntime: [AURA_ENGINE_ID, u8aToHex(bnToU8a(slot, { bitLength: 64 }))] }];
}
