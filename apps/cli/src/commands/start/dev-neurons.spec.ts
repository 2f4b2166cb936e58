import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair, Wallet } from '@taonode/wallet';
import { assertDevWalletsReplaceable, DEV_NEURONS, DevWalletConflictError } from './dev-neurons';

/** The folders `taonode start` writes, filled the way it fills them. */
async function writeDevKeys(walletPath: string): Promise<void> {
  for (const spec of DEV_NEURONS) {
    const wallet = new Wallet({ name: spec.walletName, hotkey: 'default', path: walletPath });
    await wallet.writeColdkey(Keypair.fromUri(spec.coldkeyUri), { password: null });
    await wallet.writeHotkey(Keypair.fromUri(spec.hotkeyUri));
  }
}

describe('dev wallets of taonode start', () => {
  let walletPath: string;

  beforeEach(async () => {
    walletPath = join(await mkdtemp(join(tmpdir(), 'taonode-dev-wallets-')), 'wallets');
  });

  afterEach(async () => {
    await rm(join(walletPath, '..'), { recursive: true, force: true });
  });

  it('accepts an empty data directory and one holding exactly the dev keys (and their backups)', async () => {
    await expect(assertDevWalletsReplaceable(walletPath)).resolves.toBeUndefined();
    await writeDevKeys(walletPath);
    await expect(assertDevWalletsReplaceable(walletPath)).resolves.toBeUndefined();
    const validator = new Wallet({ name: 'validator', path: walletPath });
    await validator.writeColdkey(Keypair.fromUri('//Alice'), { password: null, overwrite: true });
    await expect(assertDevWalletsReplaceable(walletPath)).resolves.toBeUndefined();
  });

  it('refuses a wallet folder whose coldkey is not the dev key, naming both addresses', async () => {
    await writeDevKeys(walletPath);
    const real = Keypair.fromUri('//Operator');
    await new Wallet({ name: 'miner', path: walletPath }).writeColdkey(real, { password: null, overwrite: true });
    const error = await assertDevWalletsReplaceable(walletPath).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DevWalletConflictError);
    expect((error as Error).message).toContain(real.ss58Address);
    expect((error as Error).message).toContain(Keypair.fromUri('//Charlie').ss58Address);
    expect((error as Error).message).toContain('--data-dir');
  });

  it('refuses a wallet folder holding files it does not write (another hotkey)', async () => {
    await writeDevKeys(walletPath);
    await new Wallet({ name: 'validator', hotkey: 'mine', path: walletPath }).writeHotkey(Keypair.fromUri('//Me'));
    await expect(assertDevWalletsReplaceable(walletPath)).rejects.toThrow(/hotkeys\/mine/);
  });

  it('refuses an unreadable or foreign keyfile instead of replacing it', async () => {
    await writeDevKeys(walletPath);
    await writeFile(join(walletPath, 'validator', 'coldkey'), '$NACLnot-a-dev-key');
    await expect(assertDevWalletsReplaceable(walletPath)).rejects.toThrow(/encrypted/);
  });
});
