import type { Codec, INumber } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argBigInt, argNumber } from '../call-args';
import { isRegisteredOnAnyNetwork } from '../state/hotkey-accounts';
import { readBig, readOptional } from '../state/subtensor-storage';
import { ensure } from '../subtensor-error';
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

/**
 * The shared checks of `do_serve_axon` / `do_serve_prometheus`, in the runtime's order: the hotkey is
 * registered on some subnet (not necessarily `netuid`), the ip type, the address, the serving rate limit
 * against the block of the previous announcement (0 = never announced; a limit of 0 disables it), then the
 * port. Returns the endpoint to store.
 */
export function checkServedEndpoint(
  context: DispatchContext,
  args: Readonly<Record<string, Codec>>,
  item: 'axons' | 'prometheus',
): ServedEndpoint {
  const hotkey = signedAccount(context.origin);
  const { storage, blockNumber } = context;
  const netuid = argNumber(args, 'netuid');
  const ipType = argNumber(args, 'ipType');
  const ip = argBigInt(args, 'ip');
  const port = argNumber(args, 'port');

  ensure(isRegisteredOnAnyNetwork(storage, hotkey), 'HotKeyNotRegisteredInNetwork');
  ensure(isValidIpType(ipType), 'InvalidIpType');
  ensure(isValidIpAddress(ipType, ip), 'InvalidIpAddress');
  const previous = readOptional<Codec & { block: INumber }>(storage, item, netuid, hotkey);
  const lastServed = previous ? previous.block.toBigInt() : 0n;
  const rateLimit = readBig(storage, 'servingRateLimit', netuid);
  ensure(
    rateLimit === 0n || lastServed === 0n || BigInt(blockNumber) - lastServed >= rateLimit,
    'ServingRateLimitExceeded',
  );
  ensure(port !== 0, 'InvalidPort');
  return { hotkey, netuid, block: blockNumber, version: argNumber(args, 'version'), ip, port, ipType };
}
