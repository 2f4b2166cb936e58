import { join } from 'node:path';
import {
  addStakeCall,
  ChainClient,
  ExtrinsicSubmitter,
  registerNeuron,
  serveAxon,
  transferCall,
  type TransactionSigner,
} from '@taonode/chain';
import { Keypair, Wallet } from '@taonode/wallet';

/** A dev identity of the local node: its coldkey pays, its hotkey is registered on the subnet. */
export interface DevNeuronSpec {
  readonly walletName: string;
  readonly coldkeyUri: string;
  readonly hotkeyUri: string;
  /** TAO rao staked on the hotkey after registration (validators need stake for a permit). */
  readonly stakeRao: bigint;
  /** Axon to announce; documentation-range addresses, as the chain refuses 127.0.0.1. */
  readonly axon?: { readonly ip: string; readonly port: number };
}

/**
 * Hotkeys sign serve_axon and set_weights themselves. Those calls are fee-free, but the chain's CheckNonce still
 * refuses an account that does not exist, so each dev hotkey gets a little TAO (operators do the same on finney).
 */
const HOTKEY_FUNDING_RAO = 1_000_000_000n;

export const DEV_NEURONS: readonly DevNeuronSpec[] = [
  { walletName: 'validator', coldkeyUri: '//Bob', hotkeyUri: '//Bob//validator', stakeRao: 100_000_000_000n },
  {
    walletName: 'miner',
    coldkeyUri: '//Charlie',
    hotkeyUri: '//Charlie//miner',
    stakeRao: 0n,
    axon: { ip: '198.51.100.10', port: 8091 },
  },
];

export interface RegisteredDevNeuron {
  readonly walletName: string;
  readonly hotkey: string;
  readonly uid: number;
}

/**
 * Writes the dev wallets (btcli layout, unencrypted coldkey: they hold dev funds only) and registers their
 * hotkeys on `netuid` through the chain client, exactly as an operator's `subnet register` would.
 */
export async function registerDevNeurons(
  endpoint: string,
  walletPath: string,
  netuid: number,
  specs: readonly DevNeuronSpec[] = DEV_NEURONS,
): Promise<RegisteredDevNeuron[]> {
  const client = await ChainClient.connect({ chainEndpoint: endpoint });
  try {
    const submitter = new ExtrinsicSubmitter(client);
    const registered: RegisteredDevNeuron[] = [];
    for (const spec of specs) {
      const coldkey = Keypair.fromUri(spec.coldkeyUri);
      const hotkey = Keypair.fromUri(spec.hotkeyUri);
      await writeDevWallet(walletPath, spec.walletName, coldkey, hotkey);
      const result = await registerNeuron(client, submitter, coldkey, hotkey.ss58Address, netuid, {
        waitFor: 'inBlock',
      });
      if (!result.alreadyRegistered && spec.stakeRao > 0n) {
        await submitter.submit(addStakeCall(client.api, hotkey.ss58Address, netuid, spec.stakeRao), coldkey, {
          waitFor: 'inBlock',
          what: `stake on ${spec.walletName}`,
        });
      }
      await submitter.submit(transferCall(client.api, hotkey.ss58Address, HOTKEY_FUNDING_RAO), coldkey, {
        waitFor: 'inBlock',
        what: `fund ${spec.walletName} hotkey`,
      });
      if (spec.axon) {
        await serveAxon(client, submitter, hotkey satisfies TransactionSigner, {
          netuid,
          ...spec.axon,
          waitFor: 'inBlock',
        });
      }
      registered.push({ walletName: spec.walletName, hotkey: hotkey.ss58Address, uid: result.uid });
    }
    return registered;
  } finally {
    await client.disconnect();
  }
}

async function writeDevWallet(walletPath: string, name: string, coldkey: Keypair, hotkey: Keypair): Promise<void> {
  const wallet = new Wallet({ name, hotkey: 'default', path: walletPath });
  await wallet.writeColdkey(coldkey, { password: null, overwrite: true });
  await wallet.writeHotkey(hotkey, { overwrite: true });
}

export function devWalletPath(dataDirectory: string): string {
  return join(dataDirectory, 'wallets');
}
