import type { Command } from 'commander';
import { listWallets, ss58Decode, bytesToHex, Wallet, type KeyfileEncryption } from '@taonode/wallet';
import { runCliAction } from '../../cli/cli-output';
import type { CliDeps } from '../../cli/cli.deps';
import {
  addWalletLocationOptions,
  resolveWalletLocation,
  type WalletLocationFlags,
} from '../../cli/wallet-location.options';

interface InspectFlags extends WalletLocationFlags {
  json?: boolean;
}

interface InspectedKey {
  name: string;
  ss58_address: string | null;
  public_key: string | null;
  /** `missing` when only the public file exists on this machine. */
  encryption: KeyfileEncryption | 'missing';
}

const ENCRYPTION_LABELS: Record<KeyfileEncryption | 'missing', string> = {
  none: 'unencrypted',
  nacl: 'encrypted',
  'ansible-vault': 'encrypted, legacy Ansible Vault',
  'legacy-fernet': 'legacy Fernet, cannot be decrypted',
  missing: 'secret file not on this machine',
};

async function coldkeyEncryption(wallet: Wallet): Promise<KeyfileEncryption | 'missing'> {
  return (await wallet.coldkeyFile.exists()) ? wallet.coldkeyFile.encryption() : 'missing';
}

/**
 * `taonode wallet inspect`: public data of one wallet (addresses, public keys, which files are encrypted).
 * Reads only public files and file prefixes: never decrypts, never prints secrets.
 */
export function registerInspectCommand(walletCommand: Command, deps: CliDeps): void {
  const command = walletCommand
    .command('inspect')
    .description('show the addresses and public keys of a wallet (no secrets)');
  addWalletLocationOptions(command, { hotkey: false });
  command.option('--json', 'machine-readable output on stdout');
  command.action((flags: InspectFlags) =>
    runCliAction(deps, flags.json === true, async (output) => {
      const location = resolveWalletLocation(flags, deps.env);
      const wallet = new Wallet({ name: location.name, path: location.path });
      const coldkeypub = await wallet.getColdkeypub();
      const coldkey: InspectedKey = {
        name: wallet.name,
        ss58_address: coldkeypub.ss58Address,
        public_key: coldkeypub.publicKeyHex,
        encryption: await coldkeyEncryption(wallet),
      };
      const listing = (await listWallets(wallet.path)).find((entry) => entry.name === wallet.name);
      const hotkeys: InspectedKey[] = [];
      for (const hotkey of listing?.hotkeys ?? []) {
        const hotkeyWallet = new Wallet({ name: wallet.name, path: wallet.path, hotkey: hotkey.name });
        const file = hotkeyWallet.hotkeyFile;
        hotkeys.push({
          name: hotkey.name,
          ss58_address: hotkey.ss58Address ?? null,
          public_key: hotkey.ss58Address === undefined ? null : bytesToHex(ss58Decode(hotkey.ss58Address)),
          encryption: (await file.exists()) ? await file.encryption() : 'missing',
        });
      }
      if (output.isJson) {
        output.json({ name: wallet.name, path: wallet.directory, coldkey, hotkeys });
        return;
      }
      output.line(`Wallet ${wallet.name}  (${wallet.directory})`);
      output.line(
        `  Coldkey  ss58_address ${coldkey.ss58_address}  public_key ${coldkey.public_key}  [${ENCRYPTION_LABELS[coldkey.encryption]}]`,
      );
      for (const hotkey of hotkeys) {
        const address = hotkey.ss58_address ?? '<ENCRYPTED>';
        const publicKey = hotkey.public_key === null ? '' : `  public_key ${hotkey.public_key}`;
        output.line(
          `  Hotkey ${hotkey.name}  ss58_address ${address}${publicKey}  [${ENCRYPTION_LABELS[hotkey.encryption]}]`,
        );
      }
    }),
  );
}
