import type { Codec, INumber } from '@polkadot/types/types';
import { runtimeFeatures } from '../../../runtime/call-registry';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import type { Storage } from '../../../state/storage';
import { argBigInt, argNumber } from '../call-args';
import { isRegisteredOnAnyNetwork } from '../state/hotkey-accounts';
import { has, readBig, readOptional } from '../state/subtensor-storage';
import { subtensorError, type SubtensorErrorName } from '../subtensor-error';
import { isValidIpAddress, isValidIpType } from './ip-rules';

/** What `serve_axon` and `serve_prometheus` have in common, after the checks both make. */
export interface ServedEndpoint {
  readonly hotkey: string;
  readonly netuid: number;
  readonly block: number;
  readonly version: number;
  readonly ip: bigint;
  readonly port: number;
  readonly ipType: number;
}

export type EndpointItem = 'axons' | 'prometheus';

/**
 * The checks of serving an endpoint, in the runtime's order, as the first failing error (or `undefined`):
 * - spec 233 (`do_serve_axon` / `do_serve_prometheus` @e2b8367b): registered on any subnet, ip type, address
 *   (never 0), rate limit, port;
 * - spec 424 axons: registered on `netuid`, ip type, address (0 allowed), rate limit, port;
 * - spec 424 prometheus: ip type, address (never 0), registered on `netuid`, rate limit, port.
 * The rate limit compares with the block of the previous announcement (0 = never announced; a limit of 0
 * disables it). The pool (`CheckServingEndpoints`) and the dispatchable both run this. Which rules apply is
 * detected from the metadata: the runtime with `SubtensorTransactionExtension` has the spec-424 ones
 * (`validate_serve_axon` / `validate_serve_prometheus`, subnets/serving.rs@6d81084c).
 */
export function servingFailure(
  storage: Storage,
  hotkey: string,
  endpoint: Omit<ServedEndpoint, 'hotkey' | 'version'>,
  item: EndpointItem,
): SubtensorErrorName | undefined {
  const { netuid, ipType, ip, port, block } = endpoint;
  const current = runtimeFeatures(storage.runtime).subtensorTransactionExtension;
  const registered = current ? has(storage, 'uids', netuid, hotkey) : isRegisteredOnAnyNetwork(storage, hotkey);
  const allowZero = current && item === 'axons';
  const registrationFirst = !current || item === 'axons';
  if (registrationFirst && !registered) {
    return 'HotKeyNotRegisteredInNetwork';
  }
  if (!isValidIpType(ipType)) {
    return 'InvalidIpType';
  }
  if (!isValidIpAddress(ipType, ip, allowZero)) {
    return 'InvalidIpAddress';
  }
  if (!registered) {
    return 'HotKeyNotRegisteredInNetwork';
  }
  const previous = readOptional<Codec & { block: INumber }>(storage, item, netuid, hotkey);
  const lastServed = previous ? previous.block.toBigInt() : 0n;
  const rateLimit = readBig(storage, 'servingRateLimit', netuid);
  if (rateLimit !== 0n && lastServed !== 0n && BigInt(block) - lastServed < rateLimit) {
    return 'ServingRateLimitExceeded';
  }
  return port === 0 ? 'InvalidPort' : undefined;
}

/** The endpoint fields of a `serve_axon` / `serve_axon_tls` / `serve_prometheus` call, served in `block`. */
export function endpointOf(args: Readonly<Record<string, Codec>>, block: number): Omit<ServedEndpoint, 'hotkey'> {
  return {
    netuid: argNumber(args, 'netuid'),
    block,
    version: argNumber(args, 'version'),
    ip: argBigInt(args, 'ip'),
    port: argNumber(args, 'port'),
    ipType: argNumber(args, 'ipType'),
  };
}

/** The serving checks at dispatch ({@link servingFailure}); returns the endpoint to store. */
export function checkServedEndpoint(
  context: DispatchContext,
  args: Readonly<Record<string, Codec>>,
  item: EndpointItem,
): ServedEndpoint {
  const hotkey = signedAccount(context.origin);
  const endpoint = endpointOf(args, context.blockNumber);
  const failure = servingFailure(context.storage, hotkey, endpoint, item);
  if (failure !== undefined) {
    throw subtensorError(failure);
  }
  return { hotkey, ...endpoint };
}
