import { isValidSs58Address, ss58Decode, ss58Encode, type Wallet } from '@taonode/wallet';
import { CliUsageError } from '../../cli/cli-usage.error';
import type { StakeTarget } from './stake-position';

/** `--hotkey <ss58>` overrides the wallet's hotkey (stake to someone else's validator, as btcli allows). */
export interface StakeTargetFlags {
  hotkey?: string;
}

async function hotkeyOf(flags: StakeTargetFlags, wallet: Wallet): Promise<string> {
  if (flags.hotkey !== undefined) {
    if (!isValidSs58Address(flags.hotkey)) {
      throw new CliUsageError(`--hotkey is not a valid SS58 address: ${flags.hotkey}`);
    }
    return ss58Encode(ss58Decode(flags.hotkey));
  }
  return (await wallet.getHotkeypub()).ss58Address;
}

/** The wallet's coldkey, the hotkey it stakes through (`--hotkey` or the wallet's) and `--netuid`. */
export async function stakeTarget(flags: StakeTargetFlags & { netuid: number }, wallet: Wallet): Promise<StakeTarget> {
  const coldkey = (await wallet.getColdkeypub()).ss58Address;
  return { coldkey, hotkey: await hotkeyOf(flags, wallet), netuid: flags.netuid };
}
