import { isValidSs58Address, ss58Decode, ss58Encode, type Wallet } from '@taonode/wallet';
import { CliUsageError } from '../wallet/cli-usage.error';

/** `--hotkey <ss58>` overrides the wallet's hotkey (stake to someone else's validator, as btcli allows). */
export interface StakeTargetFlags {
  hotkey?: string;
}

export async function stakeTarget(flags: StakeTargetFlags, wallet: Wallet): Promise<string> {
  if (flags.hotkey !== undefined) {
    if (!isValidSs58Address(flags.hotkey)) {
      throw new CliUsageError(`--hotkey is not a valid SS58 address: ${flags.hotkey}`);
    }
    return ss58Encode(ss58Decode(flags.hotkey));
  }
  return (await wallet.getHotkeypub()).ss58Address;
}
