import { TypeRegistry } from '@polkadot/types';
import type { bool, Compact, Option, Struct, Tuple, u128, u16, u32, u64, u8, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { compactFromU8a } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { ChainError } from '../errors/chain.error';
import {
  NEURON_INFO_API,
  SUBTENSOR_RUNTIME_API_TYPES,
  type RawEndpointInfo,
  type RawNeuronInfo,
  type RawNeuronInfoLite,
} from './subtensor-runtime-api.types';

/**
 * How a runtime wraps its result: `opaque` = a SCALE `Vec<u8>` around the encoded value (runtimes up to about
 * spec 218, and V15 metadata that declares `Vec<u8>`), `typed` = the value itself (V15 metadata with a real
 * type), `unknown` = V14 metadata, which has no runtime API section: decided from the bytes.
 */
export type RuntimeApiResultShape = 'opaque' | 'typed' | 'unknown';

/** Registry holding only our runtime API layouts; independent of the connected chain's metadata. */
export const runtimeApiRegistry = new TypeRegistry();
runtimeApiRegistry.register(SUBTENSOR_RUNTIME_API_TYPES);

/**
 * The encoded value inside a runtime API answer. With an `unknown` shape, bytes that are exactly one compact
 * length prefix plus that many bytes are taken as wrapped: a typed `Vec<T>` of n ≥ 1 structs of tens of bytes
 * each cannot satisfy that, and for empty results both readings decode to the same empty value.
 */
export function unwrapRuntimeApiBytes(bytes: Uint8Array, shape: RuntimeApiResultShape): Uint8Array {
  switch (shape) {
    case 'typed':
      return bytes;
    case 'opaque':
      return stripLengthPrefix(bytes);
    case 'unknown':
      return isLengthPrefixed(bytes) ? stripLengthPrefix(bytes) : bytes;
  }
}

function isLengthPrefixed(bytes: Uint8Array): boolean {
  if (bytes.length === 0) {
    return false;
  }
  const [offset, length] = compactFromU8a(bytes);
  return offset + length.toNumber() === bytes.length;
}

function stripLengthPrefix(bytes: Uint8Array): Uint8Array {
  if (!isLengthPrefixed(bytes)) {
    throw new ChainError('TAONODE_CHAIN_DECODE_ERROR', 'runtime API answer is not a length-prefixed byte vector');
  }
  const [offset] = compactFromU8a(bytes);
  return bytes.subarray(offset);
}

/**
 * Decodes `bytes` as `type` of {@link runtimeApiRegistry}, requiring every byte to be consumed. With an
 * `unknown` shape both readings are tried, the length-prefixed one first; the first that decodes exactly wins.
 */
export function decodeRuntimeApiValue<T extends Codec>(
  type: string,
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
): T {
  if (shape === 'unknown' && isLengthPrefixed(bytes)) {
    try {
      return decodeExactly<T>(type, stripLengthPrefix(bytes));
    } catch (wrappedError) {
      try {
        return decodeExactly<T>(type, bytes);
      } catch {
        // Neither reading fits: report the failure of the reading the bytes looked like.
        throw wrappedError;
      }
    }
  }
  return decodeExactly<T>(type, unwrapRuntimeApiBytes(bytes, shape));
}

function decodeExactly<T extends Codec>(type: string, bytes: Uint8Array): T {
  let value: T;
  try {
    value = runtimeApiRegistry.createTypeUnsafe<T>(type, [bytes]);
  } catch (error) {
    throw new ChainError(
      'TAONODE_CHAIN_DECODE_ERROR',
      `runtime API answer does not decode as ${type}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (bytes.length > 0 && value.encodedLength !== bytes.length) {
    throw new ChainError(
      'TAONODE_CHAIN_DECODE_ERROR',
      `runtime API answer has ${bytes.length} bytes but ${type} uses ${value.encodedLength}: layout mismatch`,
    );
  }
  return value;
}

type EndpointStruct = Struct & {
  block: u64;
  version: u32;
  ip: u128;
  port: u16;
  ipType: u8;
  protocol?: u8;
};

type NeuronLiteStruct = Struct & {
  hotkey: AccountId32;
  coldkey: AccountId32;
  uid: Compact<u16>;
  netuid: Compact<u16>;
  active: bool;
  axonInfo: EndpointStruct;
  prometheusInfo: EndpointStruct;
  stake: Vec<Tuple>;
  rank: Compact<u16>;
  emission: Compact<u64>;
  incentive: Compact<u16>;
  consensus: Compact<u16>;
  trust: Compact<u16>;
  validatorTrust: Compact<u16>;
  dividends: Compact<u16>;
  lastUpdate: Compact<u64>;
  validatorPermit: bool;
  pruningScore: Compact<u16>;
};

type NeuronStruct = NeuronLiteStruct & { weights: Vec<Tuple>; bonds: Vec<Tuple> };

function endpointOf(struct: EndpointStruct): RawEndpointInfo {
  return {
    block: struct.block.toBigInt(),
    version: struct.version.toNumber(),
    ip: struct.ip.toBigInt(),
    port: struct.port.toNumber(),
    ipType: struct.ipType.toNumber(),
    protocol: struct.protocol?.toNumber() ?? 0,
  };
}

function pairsOf(vec: Vec<Tuple>): [number, number][] {
  return vec.map((pair) => [(pair[0] as Compact<u16>).toNumber(), (pair[1] as Compact<u16>).toNumber()]);
}

function neuronLiteOf(struct: NeuronLiteStruct, ss58Format: number): RawNeuronInfoLite {
  return {
    hotkey: encodeAddress(struct.hotkey.toU8a(), ss58Format),
    coldkey: encodeAddress(struct.coldkey.toU8a(), ss58Format),
    uid: struct.uid.toNumber(),
    netuid: struct.netuid.toNumber(),
    active: struct.active.isTrue,
    axon: endpointOf(struct.axonInfo),
    prometheus: endpointOf(struct.prometheusInfo),
    stake: struct.stake.map(
      (entry) =>
        [encodeAddress((entry[0] as AccountId32).toU8a(), ss58Format), (entry[1] as Compact<u64>).toBigInt()] as const,
    ),
    rank: struct.rank.toNumber(),
    emission: struct.emission.toBigInt(),
    incentive: struct.incentive.toNumber(),
    consensus: struct.consensus.toNumber(),
    trust: struct.trust.toNumber(),
    validatorTrust: struct.validatorTrust.toNumber(),
    dividends: struct.dividends.toNumber(),
    lastUpdate: struct.lastUpdate.toBigInt(),
    validatorPermit: struct.validatorPermit.isTrue,
    pruningScore: struct.pruningScore.toNumber(),
  };
}

/** `NeuronInfoRuntimeApi_get_neurons_lite` answer → neurons in uid order as the runtime lists them. */
export function decodeNeuronsLite(
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  ss58Format = 42,
): RawNeuronInfoLite[] {
  const vec = decodeRuntimeApiValue<Vec<NeuronLiteStruct>>(NEURON_INFO_API.getNeuronsLite.output, bytes, shape);
  return vec.map((struct) => neuronLiteOf(struct, ss58Format));
}

/** `NeuronInfoRuntimeApi_get_neuron_lite` answer → the neuron, or undefined for `None`. */
export function decodeNeuronLite(
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  ss58Format = 42,
): RawNeuronInfoLite | undefined {
  const option = decodeRuntimeApiValue<Option<NeuronLiteStruct>>(NEURON_INFO_API.getNeuronLite.output, bytes, shape);
  return option.isSome ? neuronLiteOf(option.unwrap(), ss58Format) : undefined;
}

/** `NeuronInfoRuntimeApi_get_neurons` answer → neurons with their weight and bond rows. */
export function decodeNeurons(bytes: Uint8Array, shape: RuntimeApiResultShape, ss58Format = 42): RawNeuronInfo[] {
  const vec = decodeRuntimeApiValue<Vec<NeuronStruct>>(NEURON_INFO_API.getNeurons.output, bytes, shape);
  return vec.map((struct) => ({
    ...neuronLiteOf(struct, ss58Format),
    weights: pairsOf(struct.weights),
    bonds: pairsOf(struct.bonds),
  }));
}
