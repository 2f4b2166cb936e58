import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addStakeCall,
  ChainClient,
  ExtrinsicSubmitter,
  registerNeuron,
  serveAxon,
  type TransactionSigner,
} from '@taonode/chain';
import { TaonodeError } from '@taonode/errors';
import { BACKUP_INFIX, Keypair, Wallet } from '@taonode/wallet';

/** A dev identity of the local node: its coldkey pays, its hotkey is registered on the subnet. */
export interface DevNeuronSpec {
  readonly walletName: string;
  readonly coldkeyUri: string;
  readonly hotkeyUri: string;
  /** TAO rao staked on the hotkey after registration (validators need stake for a permit). */
  readonly stakeRao: bigint;
  /** Axon to announce (the chain refuses exactly 127.0.0.1; the local node announces 127.0.0.2). */
  readonly axon?: { readonly ip: string; readonly port: number };
}

export const DEV_NEURONS: readonly DevNeuronSpec[] = [
  // The subnet owner's own keys (genesis registers //Alice//hot on subnet 1): its stake, grown by owner emissions,
  // is most of the subnet's, so its weights decide consensus — as a subnet owner's validator does on a young subnet.
  { walletName: 'validator', coldkeyUri: '//Alice', hotkeyUri: '//Alice//hot', stakeRao: 100_000_000_000n },
  {
    walletName: 'miner',
    coldkeyUri: '//Charlie',
    hotkeyUri: '//Charlie//miner',
    stakeRao: 0n,
    axon: { ip: '127.0.0.2', port: 8091 },
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
    await assertDevWalletsReplaceable(walletPath, specs);
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
      // No funding for the hotkey: serve_axon and the weights calls are Pays::No, which subtensor's CheckNonce lets
      // through from an account without balance.
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

/** `taonode start` refuses to touch a data directory whose dev wallet folders hold anything it did not write. */
export class DevWalletConflictError extends TaonodeError {
  override readonly name = 'DevWalletConflictError';
  readonly code = 'TAONODE_CLI_DEV_WALLET_CONFLICT';
  readonly kind = 'failed-precondition';
}

/** What `writeDevWallet` leaves in a wallet folder, relative to it; nothing else may be there. */
const DEV_WALLET_FILES = ['coldkey', 'coldkeypub.txt', 'hotkeys/default', 'hotkeys/defaultpub.txt'];

async function filesUnder(directory: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(directory, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(directory, relative) : Promise.resolve([relative]);
    }),
  );
  return nested.flat();
}

/** Why the folder of `spec` cannot be (re)written with its dev keys, or undefined when it can. */
async function devWalletConflict(walletPath: string, spec: DevNeuronSpec): Promise<string | undefined> {
  const wallet = devWallet(walletPath, spec.walletName);
  let files: string[];
  try {
    files = await filesUnder(wallet.directory);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  // Backups are copies of dev keys this function had already accepted.
  const foreign = files.filter((file) => !DEV_WALLET_FILES.includes(file.split(BACKUP_INFIX)[0] ?? file));
  if (foreign.length > 0) {
    return `it holds files taonode start does not write (${foreign.join(', ')})`;
  }
  const expected = [Keypair.fromUri(spec.coldkeyUri).ss58Address, Keypair.fromUri(spec.hotkeyUri).ss58Address];
  const keyfiles = [wallet.coldkeyFile, wallet.coldkeypubFile, wallet.hotkeyFile, wallet.hotkeypubFile];
  for (const [index, keyfile] of keyfiles.entries()) {
    if (!(await keyfile.exists())) {
      continue;
    }
    if (await keyfile.isEncrypted()) {
      return `${keyfile.path} is encrypted, so it is not a dev key`;
    }
    const address = (await keyfile.readKeypair()).ss58Address;
    const devAddress = expected[index < 2 ? 0 : 1];
    if (address !== devAddress) {
      return `${keyfile.path} holds ${address}, not the dev key ${devAddress ?? ''}`;
    }
  }
  return undefined;
}

/**
 * The dev wallets are written unencrypted into `<data-dir>/wallets/{validator,miner}`. A data directory that
 * already holds other keys there (an operator's real wallet, pointed at by mistake) is refused before any
 * file is touched, instead of being replaced by keys anyone can derive.
 */
export async function assertDevWalletsReplaceable(
  walletPath: string,
  specs: readonly DevNeuronSpec[] = DEV_NEURONS,
): Promise<void> {
  for (const spec of specs) {
    const conflict = await devWalletConflict(walletPath, spec);
    if (conflict !== undefined) {
      throw new DevWalletConflictError(
        `refusing to write the dev wallet "${spec.walletName}" into ${join(walletPath, spec.walletName)}: ${conflict}. ` +
          'Use another --data-dir, or move that wallet away.',
      );
    }
  }
}

function devWallet(walletPath: string, name: string): Wallet {
  return new Wallet({ name, hotkey: 'default', path: walletPath });
}

/** Writes the dev keys; files already holding them (checked by assertDevWalletsReplaceable) are left alone. */
async function writeDevWallet(walletPath: string, name: string, coldkey: Keypair, hotkey: Keypair): Promise<void> {
  const wallet = devWallet(walletPath, name);
  if ((await wallet.existingKeyfiles('coldkey')).length < 2) {
    await wallet.writeColdkey(coldkey, { password: null, overwrite: true });
  }
  if ((await wallet.existingKeyfiles('hotkey')).length < 2) {
    await wallet.writeHotkey(hotkey, { overwrite: true });
  }
}

export function devWalletPath(dataDirectory: string): string {
  return join(dataDirectory, 'wallets');
}
