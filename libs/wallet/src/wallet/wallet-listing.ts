import * as path from 'node:path';
import { WalletError } from '../errors/wallet.error';
import { Keyfile } from '../keyfile/keyfile';
import { BACKUP_INFIX, KeyfileRepository } from '../keyfile/keyfile.repository';
import { COLDKEYPUB_FILE, expandHome, HOTKEYS_DIRECTORY, PUBLIC_KEYFILE_SUFFIX } from './wallet-location';

/**
 * `ok`: address from the pub file or the plaintext hotkey; `public-only`: only `<name>pub.txt` exists;
 * `encrypted`: the hotkey file is encrypted (btcli prints `<ENCRYPTED>` instead of an address).
 */
export type HotkeyListingStatus = 'ok' | 'public-only' | 'encrypted';

/** One hotkey as `btcli wallet list` shows it. */
export interface HotkeyListing {
  name: string;
  /** Undefined only for `encrypted`. */
  ss58Address: string | undefined;
  status: HotkeyListingStatus;
}

/** One wallet (a folder with a plaintext `coldkeypub.txt`) and its hotkeys. */
export interface WalletListing {
  name: string;
  coldkeyAddress: string;
  hotkeys: HotkeyListing[];
}

/** Reads a plaintext keyfile's address; unreadable, encrypted or malformed files give undefined (btcli skips them). */
async function plaintextAddress(file: Keyfile): Promise<string | undefined> {
  try {
    if (!(await file.exists()) || (await file.isEncrypted())) {
      return undefined;
    }
    return (await file.readKeypair()).ss58Address;
  } catch (error) {
    if (error instanceof WalletError) {
      return undefined;
    }
    throw error;
  }
}

async function listHotkeys(hotkeysDirectory: string, repository: KeyfileRepository): Promise<HotkeyListing[]> {
  // Backups of replaced hotkeys are not hotkeys (btcli, which does not know them, would list them).
  const entries = (await repository.list(hotkeysDirectory)).filter(
    (entry) => entry.isFile && !entry.name.includes(BACKUP_INFIX),
  );
  const fileNames = new Set(entries.map((entry) => entry.name));
  const hotkeys: HotkeyListing[] = [];
  for (const entry of entries) {
    const isPubFile = entry.name.endsWith(PUBLIC_KEYFILE_SUFFIX);
    const name = isPubFile ? entry.name.slice(0, -PUBLIC_KEYFILE_SUFFIX.length) : entry.name;
    if (isPubFile && fileNames.has(name)) {
      continue;
    }
    const hotkeyFile = new Keyfile(path.join(hotkeysDirectory, name), repository);
    const pubFile = new Keyfile(path.join(hotkeysDirectory, `${name}${PUBLIC_KEYFILE_SUFFIX}`), repository);
    const hasHotkeyFile = fileNames.has(name);
    if (hasHotkeyFile && (await isEncryptedSafely(hotkeyFile))) {
      hotkeys.push({ name, ss58Address: undefined, status: 'encrypted' });
      continue;
    }
    const ss58Address = (await plaintextAddress(pubFile)) ?? (await plaintextAddress(hotkeyFile));
    if (ss58Address === undefined) {
      continue;
    }
    hotkeys.push({ name, ss58Address, status: hasHotkeyFile ? 'ok' : 'public-only' });
  }
  return hotkeys;
}

async function isEncryptedSafely(file: Keyfile): Promise<boolean> {
  try {
    return await file.isEncrypted();
  } catch (error) {
    if (error instanceof WalletError) {
      return false;
    }
    throw error;
  }
}

/**
 * Every wallet under `root` the way btcli discovers them (protocol.md §7.1): each subdirectory whose
 * `coldkeypub.txt` exists and is plaintext; hotkeys from `hotkeys/` (a `<h>pub.txt` entry is skipped when
 * `<h>` exists, the address comes from `<h>pub.txt` if present else from `<h>`, encrypted hotkeys are
 * reported without address, unparsable files are skipped). Sorted by name.
 */
export async function listWallets(
  root: string,
  options: { repository?: KeyfileRepository; homeDirectory?: string } = {},
): Promise<WalletListing[]> {
  const repository = options.repository ?? new KeyfileRepository();
  const rootPath = expandHome(root, options.homeDirectory);
  const wallets: WalletListing[] = [];
  for (const entry of await repository.list(rootPath)) {
    if (!entry.isDirectory) {
      continue;
    }
    const walletDirectory = path.join(rootPath, entry.name);
    const coldkeyAddress = await plaintextAddress(new Keyfile(path.join(walletDirectory, COLDKEYPUB_FILE), repository));
    if (coldkeyAddress === undefined) {
      continue;
    }
    const hotkeys = await listHotkeys(path.join(walletDirectory, HOTKEYS_DIRECTORY), repository);
    wallets.push({ name: entry.name, coldkeyAddress, hotkeys });
  }
  return wallets;
}
