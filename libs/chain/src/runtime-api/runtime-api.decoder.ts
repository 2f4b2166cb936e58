import { compactFromU8a } from '@polkadot/util';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import { ss58Address } from '../client/ss58-cache';
import { ChainError } from '../errors/chain.error';
import type { RuntimeApiLayout } from './metadata-layout';
import { decodeScale, type ScaleTypes, type ScaleValue } from './scale-reader';
import { NEURON_INFO_API } from './subtensor-runtime-api.methods';
import {
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
 * Decodes `bytes` as `type` with our layouts, requiring every byte to be consumed. With an `unknown` shape both
 * readings are tried, the length-prefixed one first; the first that decodes exactly wins. With a `layout` (the
 * metadata's own declaration of the method's output) that layout is read instead.
 */
export function decodeRuntimeApiValue(
  type: string,
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  layout?: RuntimeApiLayout,
): ScaleValue {
  if (layout !== undefined) {
    // The runtime's own declared layout (V15/V16 metadata): the value itself, decoded as it declares it.
    return decodeScale(bytes, layout.type, layout.types);
  }
  if (shape === 'unknown' && isLengthPrefixed(bytes)) {
    try {
      return decodeScale(stripLengthPrefix(bytes), type, LAYOUTS);
    } catch (wrappedError) {
      try {
        return decodeScale(bytes, type, LAYOUTS);
      } catch {
        // Neither reading fits: report the failure of the reading the bytes looked like.
        throw wrappedError;
      }
    }
  }
  return decodeScale(unwrapRuntimeApiBytes(bytes, shape), type, LAYOUTS);
}

const LAYOUTS: ScaleTypes = SUBTENSOR_RUNTIME_API_TYPES;

type Fields = { readonly [field: string]: ScaleValue };

const num = (value: ScaleValue | undefined): number => Number(value);
const big = (value: ScaleValue | undefined): bigint => BigInt(value as number | bigint);

function endpointOf(value: ScaleValue | undefined): RawEndpointInfo {
  const fields = value as Fields;
  return {
    block: big(fields.block),
    version: num(fields.version),
    ip: big(fields.ip),
    port: num(fields.port),
    ipType: num(fields.ipType),
    protocol: fields.protocol === undefined ? 0 : num(fields.protocol),
  };
}

function pairsOf(value: ScaleValue | undefined): [number, number][] {
  return (value as ScaleValue[]).map((pair) => {
    const [uid, weight] = pair as ScaleValue[];
    return [num(uid), num(weight)];
  });
}

/**
 * The value of a score a runtime no longer declares: `rank` and `trust` read 0 and `pruning_score` u16::MAX,
 * as the runtimes that stopped computing them report them (subtensor-today.md §1.5).
 */
const DROPPED_FIELD_VALUES: Readonly<Record<string, number>> = { pruningScore: 65535 };

function scoreOf(fields: Fields, name: string): number {
  const value = fields[name];
  return value === undefined ? (DROPPED_FIELD_VALUES[name] ?? 0) : num(value);
}

function neuronLiteOf(value: ScaleValue, ss58Format: number): RawNeuronInfoLite {
  const fields = value as Fields;
  const address = (field: ScaleValue | undefined): string => ss58Address(field as Uint8Array, ss58Format);
  return {
    hotkey: address(fields.hotkey),
    coldkey: address(fields.coldkey),
    uid: num(fields.uid),
    netuid: num(fields.netuid),
    active: fields.active === true,
    axon: endpointOf(fields.axonInfo),
    prometheus: endpointOf(fields.prometheusInfo),
    stake: ((fields.stake ?? []) as ScaleValue[]).map((entry) => {
      const [coldkey, rao] = entry as ScaleValue[];
      return [address(coldkey), big(rao)] as const;
    }),
    rank: scoreOf(fields, 'rank'),
    emission: big(fields.emission),
    incentive: scoreOf(fields, 'incentive'),
    consensus: scoreOf(fields, 'consensus'),
    trust: scoreOf(fields, 'trust'),
    validatorTrust: scoreOf(fields, 'validatorTrust'),
    dividends: scoreOf(fields, 'dividends'),
    lastUpdate: big(fields.lastUpdate),
    validatorPermit: fields.validatorPermit === true,
    pruningScore: scoreOf(fields, 'pruningScore'),
  };
}

/**
 * `NeuronInfoRuntimeApi_get_neurons_lite` answer → neurons in the order the runtime lists them; with `layout`
 * (the metadata's declared output) read in the runtime's own layout, dropped scores as documented above.
 */
export function decodeNeuronsLite(
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  ss58Format = BITTENSOR_SS58_FORMAT,
  layout?: RuntimeApiLayout,
): RawNeuronInfoLite[] {
  const list = decodeRuntimeApiValue(NEURON_INFO_API.getNeuronsLite.output, bytes, shape, layout) as ScaleValue[];
  return list.map((value) => neuronLiteOf(value, ss58Format));
}

/** `NeuronInfoRuntimeApi_get_neuron_lite` answer → the neuron, or undefined for `None`. */
export function decodeNeuronLite(
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  ss58Format = BITTENSOR_SS58_FORMAT,
): RawNeuronInfoLite | undefined {
  const [value] = decodeRuntimeApiValue(NEURON_INFO_API.getNeuronLite.output, bytes, shape) as ScaleValue[];
  return value === undefined ? undefined : neuronLiteOf(value, ss58Format);
}

/** `NeuronInfoRuntimeApi_get_neurons` answer → neurons with their weight and bond rows. */
export function decodeNeurons(
  bytes: Uint8Array,
  shape: RuntimeApiResultShape,
  ss58Format = BITTENSOR_SS58_FORMAT,
): RawNeuronInfo[] {
  const list = decodeRuntimeApiValue(NEURON_INFO_API.getNeurons.output, bytes, shape) as ScaleValue[];
  return list.map((value) => ({
    ...neuronLiteOf(value, ss58Format),
    weights: pairsOf((value as Fields).weights),
    bonds: pairsOf((value as Fields).bonds),
  }));
}
