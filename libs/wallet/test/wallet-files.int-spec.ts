import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { thrownBy } from '@taonode/testing';
import { encodePasswordForEnv } from '../src/keyfile/password-env.util';
import { Keypair } from '../src/keypair/keypair';
import { Wallet } from '../src/wallet/wallet';
import { listWallets, WalletListing } from '../src/wallet/wallet-listing';
import { ansibleVaultEncrypt } from './ansible-vault.fixture';
import { keyfileVectors, keyVectors } from './vectors';

/**
 * Budget for one NaCl encryption or decryption, a real Argon2i over 512 MiB: ~5 s idle, ~100 s measured on the
 * shared 2-core box at load 15. The five in this file are one per behaviour: password from a prompt, from
 * BT_PW_, a wrong one, encrypt on write, decrypt what was written.
 */
const ONE_ARGON2_MS = 180_000;

/** Builds btwallet-format JSON with the given key order (btwallet's HashMap order is arbitrary). */
function keyfileJson(fields: Record<string, string>, order: string[]): string {
  return JSON.stringify(Object.fromEntries(order.filter((key) => key in fields).map((key) => [key, fields[key]])));
}

function publicFields(keypair: Keypair): Record<string, string> {
  return { accountId: keypair.publicKeyHex, publicKey: keypair.publicKeyHex, ss58Address: keypair.ss58Address };
}

function hexOf(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes).toString('hex')}`;
}

async function writeFixture(root: string, relative: string, content: string | Uint8Array): Promise<void> {
  const target = path.join(root, relative);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, content);
}

async function modeOf(target: string): Promise<number> {
  return (await fs.stat(target)).mode & 0o777;
}

describe('wallet folders written by other tools (btwallet format fixtures)', () => {
  const vectorKey = Keypair.fromMnemonic(keyVectors.mnemonic);
  const alice = Keypair.fromUri('//Alice');
  const bob = Keypair.fromUri('//Bob');
  const charlie = Keypair.fromUri('//Charlie');
  const dave = Keypair.fromUri('//Dave');
  const seedOnly = Keypair.fromSeed('0x' + '11'.repeat(32));
  let root: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(tmpdir(), 'taonode-wallet-fixtures-'));
    const reversed = ['ss58Address', 'secretSeed', 'secretPhrase', 'publicKey', 'privateKey', 'accountId'];
    const vectorFields = JSON.parse(keyfileVectors.plaintext_json_example) as Record<string, string>;

    // Wallet "btcli": plaintext coldkey with shuffled keys, and one hotkey of every kind btwallet/btcli produce.
    await writeFixture(root, 'btcli/coldkey', keyfileJson(vectorFields, reversed));
    await writeFixture(
      root,
      'btcli/coldkeypub.txt',
      keyfileJson(publicFields(vectorKey), ['ss58Address', 'publicKey', 'accountId']),
    );
    await writeFixture(
      root,
      'btcli/hotkeys/default',
      keyfileJson(
        {
          ...publicFields(alice),
          privateKey: hexOf(alice.revealSchnorrkelSecret()),
          secretSeed: hexOf(seedOnly.revealSeed() ?? new Uint8Array()),
        },
        ['privateKey', 'ss58Address', 'secretSeed', 'publicKey', 'accountId'],
      ),
    );
    await writeFixture(
      root,
      'btcli/hotkeys/defaultpub.txt',
      keyfileJson(publicFields(alice), ['publicKey', 'ss58Address', 'accountId']),
    );
    // Pre-3.1 wallet: no pub file; secretSeed is the only secret field.
    await writeFixture(
      root,
      'btcli/hotkeys/legacy',
      JSON.stringify({ secretSeed: hexOf(seedOnly.revealSeed() ?? new Uint8Array()) }),
    );
    // privateKey only, in schnorrkel form.
    await writeFixture(
      root,
      'btcli/hotkeys/pk',
      JSON.stringify({ privateKey: hexOf(bob.revealSchnorrkelSecret()), ss58Address: bob.ss58Address }),
    );
    // Public-only hotkey (only the pub file was copied to this machine).
    await writeFixture(
      root,
      'btcli/hotkeys/watchpub.txt',
      keyfileJson(publicFields(charlie), ['accountId', 'publicKey', 'ss58Address']),
    );
    // Encrypted hotkey: the NaCl vector file (password in the vectors).
    await writeFixture(
      root,
      'btcli/hotkeys/locked',
      Buffer.from(keyfileVectors.nacl_encryption.file_bytes_base64, 'base64'),
    );
    // Junk btcli silently skips.
    await writeFixture(root, 'btcli/hotkeys/.DS_Store', Buffer.from([0, 1, 2, 0xff]));
    await writeFixture(root, 'btcli/hotkeys/junk', '{"ss58Address": 42}');

    await writeFixture(
      root,
      'vaulted/coldkey',
      ansibleVaultEncrypt(JSON.stringify({ secretPhrase: keyVectors.mnemonic }), 'vault-pw'),
    );
    await writeFixture(root, 'vaulted/coldkeypub.txt', JSON.stringify(publicFields(vectorKey)));
    await writeFixture(root, 'fernet/coldkey', 'gAAAAABlZ2V0X3RoaXNfaXNfbm90X2RlY3J5cHRhYmxl');
    await writeFixture(root, 'fernet/coldkeypub.txt', JSON.stringify(publicFields(dave)));
    await writeFixture(root, 'no-coldkeypub/coldkey', JSON.stringify({ secretPhrase: keyVectors.mnemonic }));
    await writeFixture(root, 'encrypted-pub/coldkeypub.txt', '$NACL' + 'x'.repeat(60));
    await writeFixture(root, 'notes.txt', 'not a wallet');
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('lists wallets and hotkeys the way btcli does', async () => {
    const expected: WalletListing[] = [
      {
        name: 'btcli',
        coldkeyAddress: vectorKey.ss58Address,
        hotkeys: [
          { name: 'default', ss58Address: alice.ss58Address, status: 'ok' },
          { name: 'legacy', ss58Address: seedOnly.ss58Address, status: 'ok' },
          { name: 'locked', ss58Address: undefined, status: 'encrypted' },
          { name: 'pk', ss58Address: bob.ss58Address, status: 'ok' },
          { name: 'watch', ss58Address: charlie.ss58Address, status: 'public-only' },
        ],
      },
      { name: 'fernet', coldkeyAddress: dave.ss58Address, hotkeys: [] },
      { name: 'vaulted', coldkeyAddress: vectorKey.ss58Address, hotkeys: [] },
    ];
    await expect(listWallets(root)).resolves.toEqual(expected);
  });

  it('reads a plaintext coldkey with shuffled keys and its coldkeypub', async () => {
    const wallet = new Wallet({ path: root, name: 'btcli' });
    const coldkey = await wallet.getColdkey();
    expect(coldkey.ss58Address).toBe(keyVectors.ss58_format_42);
    expect(coldkey.revealMnemonic()).toBe(keyVectors.mnemonic);
    await expect(wallet.getColdkeypub()).resolves.toMatchObject({ ss58Address: keyVectors.ss58_format_42 });
  });

  it('uses secretSeed before privateKey, like btwallet', async () => {
    // The "default" fixture deliberately carries a secretSeed of another key than its privateKey (and pub file).
    const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'default' });
    const hotkey = await wallet.hotkeyFile.readKeypair();
    expect(hotkey.ss58Address).toBe(seedOnly.ss58Address);
    // Read as a wallet key, the pair disagrees with its pub file (which names Alice): reported, not used.
    const error = await wallet.getHotkey().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'TAONODE_WALLET_KEY_MISMATCH' });
    expect((error as Error).message).toContain(alice.ss58Address);
  });

  it.each([
    ['legacy', 'secretSeed only', () => seedOnly.ss58Address],
    ['pk', 'privateKey only (schnorrkel form)', () => bob.ss58Address],
  ])('reads hotkey %s (%s)', async (hotkeyName, _what, address) => {
    const wallet = new Wallet({ path: root, name: 'btcli', hotkey: hotkeyName });
    const hotkey = await wallet.getHotkey(() => {
      throw new Error('plaintext hotkeys must not ask for a password');
    });
    expect(hotkey.ss58Address).toBe(address());
    expect(hotkey.hasPrivateKey).toBe(true);
    await expect(wallet.getHotkeypub()).resolves.toMatchObject({ ss58Address: address() });
  });

  it('reads a public-only hotkey from its pub file and has no secret hotkey', async () => {
    const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'watch' });
    await expect(wallet.getHotkeypub()).resolves.toMatchObject({
      ss58Address: charlie.ss58Address,
      hasPrivateKey: false,
    });
    await expect(wallet.getHotkey()).rejects.toMatchObject({ code: 'TAONODE_WALLET_NOT_FOUND' });
  });

  it('needs a password for an encrypted hotkey', async () => {
    const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'locked' });
    await expect(wallet.hotkeyFile.isEncrypted()).resolves.toBe(true);
    await expect(wallet.getHotkey()).rejects.toMatchObject({ code: 'TAONODE_WALLET_PASSWORD_REQUIRED' });
  });

  // SLOW: one Argon2i derivation (~5 s).
  it(
    'decrypts an encrypted hotkey with its password (slow: Argon2i)',
    async () => {
      const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'locked' });
      const hotkey = await wallet.getHotkey(() => Promise.resolve(keyfileVectors.nacl_encryption.password));
      expect(hotkey.ss58Address).toBe(keyVectors.ss58_format_42);
    },
    ONE_ARGON2_MS,
  );

  /** Runs `read` with the hotkey file's `BT_PW_…` variable holding `password` (btwallet's encoding), then unsets it. */
  async function withPasswordVariable<T>(wallet: Wallet, password: string, read: () => Promise<T>): Promise<T> {
    const variable = wallet.hotkeyFile.passwordEnvVarName;
    process.env[variable] = encodePasswordForEnv(variable, password);
    try {
      return await read();
    } finally {
      delete process.env[variable];
    }
  }

  // SLOW: two Argon2i derivations (~5 s each). How a service started by `taonode miner|validator` loads the hotkey.
  it(
    'loads an encrypted hotkey with the password from its BT_PW_ variable, and a wrong one is a typed error',
    async () => {
      const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'locked' });
      const hotkey = await withPasswordVariable(wallet, keyfileVectors.nacl_encryption.password, () =>
        wallet.getHotkey(),
      );
      expect(hotkey.ss58Address).toBe(keyVectors.ss58_format_42);

      const error = await withPasswordVariable(wallet, 'not-the-password', () =>
        wallet.hotkeyFile.readKeypair().catch((caught: unknown) => caught),
      );
      expect(error).toMatchObject({
        code: 'TAONODE_WALLET_WRONG_PASSWORD',
        message: `wrong password for ${wallet.hotkeyFile.path}`,
      });
    },
    2 * ONE_ARGON2_MS,
  );

  it('reports an unparsable hotkey as malformed, with its path', async () => {
    const wallet = new Wallet({ path: root, name: 'btcli', hotkey: 'junk' });
    await expect(wallet.getHotkey()).rejects.toMatchObject({
      code: 'TAONODE_WALLET_MALFORMED_KEYFILE',
    });
    await expect(wallet.getHotkey()).rejects.toThrow(`malformed keyfile ${path.join(root, 'btcli/hotkeys/junk')}:`);
  });

  it('decrypts an Ansible Vault coldkey and rejects a wrong vault password', async () => {
    const wallet = new Wallet({ path: root, name: 'vaulted' });
    await expect(wallet.coldkeyFile.encryption()).resolves.toBe('ansible-vault');
    await expect(wallet.getColdkey('vault-pw')).resolves.toMatchObject({ ss58Address: keyVectors.ss58_format_42 });
    await expect(wallet.getColdkey('nope')).rejects.toMatchObject({ code: 'TAONODE_WALLET_WRONG_PASSWORD' });
  });

  it('explains that legacy Fernet coldkeys cannot be decrypted', async () => {
    await expect(new Wallet({ path: root, name: 'fernet' }).getColdkey('any')).rejects.toMatchObject({
      code: 'TAONODE_WALLET_UNSUPPORTED_ENCRYPTION',
    });
  });

  it('reports a missing wallet as TAONODE_WALLET_NOT_FOUND', async () => {
    await expect(new Wallet({ path: root, name: 'nobody' }).getColdkeypub()).rejects.toMatchObject({
      code: 'TAONODE_WALLET_NOT_FOUND',
    });
  });
});

describe('writing wallets', () => {
  let root: string;
  let previousUmask: number;

  beforeEach(async () => {
    root = path.join(await fs.mkdtemp(path.join(tmpdir(), 'taonode-wallet-write-')), 'nested', 'wallets');
    // A permissive umask proves the modes come from explicit chmod, not from the environment.
    previousUmask = process.umask(0o000);
  });

  afterEach(async () => {
    process.umask(previousUmask);
    await fs.rm(path.dirname(path.dirname(root)), { recursive: true, force: true });
  });

  it('creates directories 0700 and key files 0600', async () => {
    const wallet = new Wallet({ path: root, name: 'w', hotkey: 'h' });
    await wallet.writeColdkey(Keypair.fromUri('//Alice'), { password: null });
    await wallet.writeHotkey(Keypair.fromUri('//Bob'));
    for (const directory of [path.dirname(root), root, wallet.directory, path.join(wallet.directory, 'hotkeys')]) {
      expect(await modeOf(directory)).toBe(0o700);
    }
    for (const file of [wallet.coldkeyFile, wallet.coldkeypubFile, wallet.hotkeyFile, wallet.hotkeypubFile]) {
      expect(await modeOf(file.path)).toBe(0o600);
    }
  });

  it('writes btwallet JSON: full coldkey, public-only coldkeypub.txt and hotkey pub file', async () => {
    const wallet = new Wallet({ path: root, name: 'w', hotkey: 'h' });
    await wallet.writeColdkey(Keypair.fromMnemonic(keyVectors.mnemonic), { password: null });
    await wallet.writeHotkey(Keypair.fromMnemonic(keyVectors.mnemonic));
    const coldkey = JSON.parse(await fs.readFile(wallet.coldkeyFile.path, 'utf8')) as unknown;
    expect(coldkey).toEqual(JSON.parse(keyfileVectors.plaintext_json_example));
    const coldkeypub = JSON.parse(await fs.readFile(wallet.coldkeypubFile.path, 'utf8')) as unknown;
    expect(coldkeypub).toEqual(JSON.parse(keyfileVectors.coldkeypub_txt_example));
    const hotkeypub = JSON.parse(await fs.readFile(wallet.hotkeypubFile.path, 'utf8')) as unknown;
    expect(hotkeypub).toEqual(JSON.parse(keyfileVectors.coldkeypub_txt_example));
    await expect(listWallets(root)).resolves.toEqual([
      {
        name: 'w',
        coldkeyAddress: keyVectors.ss58_format_42,
        hotkeys: [{ name: 'h', ss58Address: keyVectors.ss58_format_42, status: 'ok' }],
      },
    ]);
  });

  it('never overwrites an existing key without overwrite, and replaces it with overwrite', async () => {
    const wallet = new Wallet({ path: root, name: 'w' });
    await wallet.writeColdkey(Keypair.fromUri('//Alice'), { password: null });
    const before = await fs.readFile(wallet.coldkeyFile.path, 'utf8');

    await expect(wallet.writeColdkey(Keypair.fromUri('//Bob'), { password: null })).rejects.toMatchObject({
      code: 'TAONODE_WALLET_FILE_EXISTS',
    });
    await expect(fs.readFile(wallet.coldkeyFile.path, 'utf8')).resolves.toBe(before);

    const backups = await wallet.writeColdkey(Keypair.fromUri('//Bob'), { password: null, overwrite: true });
    await expect(wallet.getColdkeypub()).resolves.toMatchObject({ ss58Address: Keypair.fromUri('//Bob').ss58Address });
    expect(await modeOf(wallet.coldkeyFile.path)).toBe(0o600);
    // The replaced pair is kept next to it (no temporary file is left behind).
    expect(backups.map((backup) => path.basename(backup))).toEqual([
      expect.stringMatching(/^coldkey\.bak-\d{8}T\d{9}Z$/),
      expect.stringMatching(/^coldkeypub\.txt\.bak-\d{8}T\d{9}Z$/),
    ]);
    expect((await fs.readdir(wallet.directory)).sort()).toEqual(
      ['coldkey', 'coldkeypub.txt', ...backups.map((backup) => path.basename(backup))].sort(),
    );
  });

  it('keeps a replaced key as <file>.bak-<timestamp>, mode 0600, with the old content', async () => {
    const wallet = new Wallet({ path: root, name: 'w', hotkey: 'h' });
    await wallet.writeHotkey(Keypair.fromUri('//Alice'));
    const before = await fs.readFile(wallet.hotkeyFile.path, 'utf8');

    const backups = await wallet.writeHotkey(Keypair.fromUri('//Bob'), { overwrite: true });
    const [hotkeyBackup, pubBackup] = backups;
    expect(hotkeyBackup?.startsWith(`${wallet.hotkeyFile.path}.bak-`)).toBe(true);
    expect(pubBackup?.startsWith(`${wallet.hotkeypubFile.path}.bak-`)).toBe(true);
    await expect(fs.readFile(hotkeyBackup ?? '', 'utf8')).resolves.toBe(before);
    expect(await modeOf(hotkeyBackup ?? '')).toBe(0o600);
    expect(await modeOf(pubBackup ?? '')).toBe(0o600);
    await expect(wallet.getHotkey()).resolves.toMatchObject({ ss58Address: Keypair.fromUri('//Bob').ss58Address });

    // A second replacement (possibly within the same millisecond) still gets its own backup.
    const again = await wallet.writeHotkey(Keypair.fromUri('//Charlie'), { overwrite: true });
    expect(new Set([...backups, ...again]).size).toBe(4);
    // Backups are not hotkeys: the listing shows the one key.
    const [listed] = await listWallets(root);
    expect(listed).toBeUndefined();
    await wallet.writeColdkey(Keypair.fromUri('//Dave'), { password: null });
    expect((await listWallets(root))[0]?.hotkeys.map((hotkey) => hotkey.name)).toEqual(['h']);
  });

  it('reports a coldkey and coldkeypub.txt that disagree, naming both addresses', async () => {
    const wallet = new Wallet({ path: root, name: 'w', hotkey: 'h' });
    const alice = Keypair.fromUri('//Alice');
    const bob = Keypair.fromUri('//Bob');
    await wallet.writeColdkey(alice, { password: null });
    await wallet.coldkeypubFile.writePublicKeypair(bob, { overwrite: true });
    const error = await wallet.getColdkey().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'TAONODE_WALLET_KEY_MISMATCH' });
    expect((error as Error).message).toContain(alice.ss58Address);
    expect((error as Error).message).toContain(bob.ss58Address);

    await wallet.writeHotkey(alice);
    await wallet.hotkeypubFile.writePublicKeypair(bob, { overwrite: true });
    await expect(wallet.getHotkey()).rejects.toMatchObject({ code: 'TAONODE_WALLET_KEY_MISMATCH' });
  });

  it('writes through a temporary file in the same directory and leaves none behind, even when refusing', async () => {
    const wallet = new Wallet({ path: root, name: 'w' });
    await wallet.writeColdkey(Keypair.fromUri('//Alice'), { password: null });
    await expect(wallet.coldkeyFile.writeKeypair(Keypair.fromUri('//Bob'))).rejects.toMatchObject({
      code: 'TAONODE_WALLET_FILE_EXISTS',
    });
    expect((await fs.readdir(wallet.directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expect(wallet.getColdkey()).resolves.toMatchObject({ ss58Address: Keypair.fromUri('//Alice').ss58Address });
  });

  it('refuses names that would escape the wallet folder', () => {
    expect(thrownBy(() => new Wallet({ path: root, name: '../evil' }))).toMatchObject({
      code: 'TAONODE_WALLET_INVALID_NAME',
    });
    expect(thrownBy(() => new Wallet({ path: root, hotkey: 'xpub.txt' }))).toMatchObject({
      code: 'TAONODE_WALLET_INVALID_NAME',
    });
  });

  it('expands ~ in the wallet path', () => {
    expect(new Wallet({ path: '~/wallets', homeDirectory: '/home/op' }).directory).toBe('/home/op/wallets/default');
  });

  // SLOW: two Argon2i derivations (~10 s): encrypt on write, decrypt on read.
  it(
    'encrypts the coldkey with NaCl and reads it back with the password (slow: Argon2i)',
    async () => {
      const wallet = new Wallet({ path: root, name: 'w' });
      await wallet.writeColdkey(Keypair.fromMnemonic(keyVectors.mnemonic), { password: 'Correct-Horse-9' });
      const raw = await fs.readFile(wallet.coldkeyFile.path);
      expect(raw.subarray(0, 5).toString('latin1')).toBe('$NACL');
      expect(raw.toString('latin1')).not.toContain('bottom');
      await expect(wallet.getColdkeypub()).resolves.toMatchObject({ ss58Address: keyVectors.ss58_format_42 });
      const coldkey = await wallet.getColdkey('Correct-Horse-9');
      expect(coldkey.revealMnemonic()).toBe(keyVectors.mnemonic);
    },
    2 * ONE_ARGON2_MS,
  );
});
