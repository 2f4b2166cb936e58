import { inspect } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { thrownBy } from '@taonode/testing';
import { ed25519SecretHex, keyVectors, schnorrkelSecretHex } from '../../test/vectors';
import { bytesToHex } from '../crypto/hex.util';
import { Keypair } from './keypair';

describe('Keypair', () => {
  describe('construction from the vector key', () => {
    it('derives public key, address and both secret forms from the mnemonic', () => {
      const keypair = Keypair.fromMnemonic(keyVectors.mnemonic);
      expect(keypair.publicKeyHex).toBe(keyVectors.public_key);
      expect(keypair.ss58Address).toBe(keyVectors.ss58_format_42);
      expect(bytesToHex(keypair.revealSchnorrkelSecret())).toBe(schnorrkelSecretHex);
      expect(bytesToHex(keypair.revealEd25519Secret())).toBe(ed25519SecretHex);
      expect(keypair.revealMnemonic()).toBe(keyVectors.mnemonic);
      expect(bytesToHex(keypair.revealSeed() ?? new Uint8Array())).toBe(keyVectors.mini_secret_seed);
    });

    it('gives the same key from the 32-byte mini-secret', () => {
      expect(Keypair.fromSeed(keyVectors.mini_secret_seed).ss58Address).toBe(keyVectors.ss58_format_42);
    });

    it('gives the same key from the 64-byte schnorrkel secret, as a seed or as a secret', () => {
      expect(Keypair.fromSeed(schnorrkelSecretHex).ss58Address).toBe(keyVectors.ss58_format_42);
      expect(Keypair.fromSchnorrkelSecret(schnorrkelSecretHex).ss58Address).toBe(keyVectors.ss58_format_42);
    });

    it('gives the same key from the ed25519-form secret', () => {
      const keypair = Keypair.fromEd25519Secret(ed25519SecretHex);
      expect(keypair.ss58Address).toBe(keyVectors.ss58_format_42);
      expect(bytesToHex(keypair.revealSchnorrkelSecret())).toBe(schnorrkelSecretHex);
    });

    it('rejects seeds that are neither 32 nor 64 bytes', () => {
      expect(thrownBy(() => Keypair.fromSeed(new Uint8Array(16)))).toMatchObject({
        code: 'TAONODE_WALLET_INVALID_KEY',
      });
      expect(thrownBy(() => Keypair.fromSeed('0xzz'))).toMatchObject({ code: 'TAONODE_WALLET_INVALID_HEX' });
    });

    it('rejects a mnemonic with a bad checksum', () => {
      const words = keyVectors.mnemonic.split(' ');
      const swapped = [words[1], words[0], ...words.slice(2)].join(' ');
      expect(thrownBy(() => Keypair.fromMnemonic(swapped))).toMatchObject({ code: 'TAONODE_WALLET_BAD_MNEMONIC' });
    });
  });

  describe('dev URIs', () => {
    it.each(Object.entries(keyVectors.dev_uris))('resolves %s', (uri, [address, publicKey]) => {
      const keypair = Keypair.fromUri(uri);
      expect(keypair.ss58Address).toBe(address);
      expect(keypair.publicKeyHex).toBe(publicKey);
    });

    it('matches polkadot-js keyring for soft, hard and password paths', () => {
      const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
      for (const uri of ['//Alice/stash', '//Bob//validator/0', `${keyVectors.mnemonic}//hard/soft///secret`]) {
        expect(Keypair.fromUri(uri).ss58Address).toBe(keyring.createFromUri(uri).address);
      }
    });

    it('accepts a hex seed as the URI phrase', () => {
      expect(Keypair.fromUri(keyVectors.mini_secret_seed).ss58Address).toBe(keyVectors.ss58_format_42);
    });

    it('rejects garbage', () => {
      expect(thrownBy(() => Keypair.fromUri('not a valid uri at all'))).toMatchObject({
        code: 'TAONODE_WALLET_BAD_MNEMONIC',
      });
      expect(thrownBy(() => Keypair.fromUri(''))).toMatchObject({ code: 'TAONODE_WALLET_INVALID_URI' });
    });
  });

  describe('signing', () => {
    const keypair = Keypair.fromUri('//Alice');
    const message = '1700000000000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.x.uuid.hash';

    it('produces 64-byte signatures that verify, and fail for another message', () => {
      const signature = keypair.sign(message);
      expect(signature).toHaveLength(64);
      expect(keypair.verify(message, signature)).toBe(true);
      expect(keypair.verify(`${message}!`, signature)).toBe(false);
    });

    it('accepts 0x-hex signature strings and hex-decodes 0x messages like btwallet', () => {
      const signature = keypair.signHex('0x010203');
      expect(signature).toMatch(/^0x[0-9a-f]{128}$/);
      expect(keypair.verify(new Uint8Array([1, 2, 3]), signature)).toBe(true);
    });

    it('verifies signatures of the <Bytes>-wrapped message (polkadot-js extension signRaw)', () => {
      const wrapped = keypair.sign(`<Bytes>${message}</Bytes>`);
      expect(keypair.verify(message, wrapped)).toBe(true);
    });

    it('interoperates with polkadot-js keyring signatures both ways', () => {
      const pair = new Keyring({ type: 'sr25519' }).createFromUri('//Alice');
      const bytes = new Uint8Array(Buffer.from(message));
      expect(keypair.verify(message, pair.sign(bytes))).toBe(true);
      expect(pair.verify(bytes, keypair.sign(message), pair.publicKey)).toBe(true);
    });

    it('rejects malformed signatures with a typed error', () => {
      const hex = u8aToHex(keypair.sign(message));
      expect(thrownBy(() => keypair.verify(message, hex.slice(2)))).toMatchObject({
        code: 'TAONODE_WALLET_INVALID_SIGNATURE',
      });
      expect(thrownBy(() => keypair.verify(message, hex.slice(0, -2)))).toMatchObject({
        code: 'TAONODE_WALLET_INVALID_SIGNATURE',
      });
    });

    it('is usable where the protocol lib expects a Signer { ss58Address; sign(Uint8Array) }', () => {
      // Same shape as libs/protocol's Signer, restated here: the wallet lib must not depend on the protocol lib.
      const signer: { readonly ss58Address: string; sign(message: Uint8Array): Uint8Array } = keypair;
      const bytes = new Uint8Array(Buffer.from(message, 'utf8'));
      expect(keypair.verify(bytes, signer.sign(bytes))).toBe(true);
      expect(signer.ss58Address).toBe(keyVectors.dev_uris['//Alice']?.[0]);
    });

    it('cannot sign with a public-only keypair', () => {
      const publicOnly = Keypair.fromSs58Address(keypair.ss58Address);
      expect(publicOnly.hasPrivateKey).toBe(false);
      expect(thrownBy(() => publicOnly.sign(message))).toMatchObject({ code: 'TAONODE_WALLET_NO_PRIVATE_KEY' });
      expect(publicOnly.verify(message, keypair.sign(message))).toBe(true);
    });
  });

  describe('never shows secrets', () => {
    const keypair = Keypair.fromMnemonic(keyVectors.mnemonic);
    const secrets = [
      keyVectors.mnemonic,
      keyVectors.mini_secret_seed.slice(2),
      schnorrkelSecretHex.slice(2, 66),
      ed25519SecretHex.slice(2, 66),
      'bottom',
    ];

    it.each([
      ['toString', () => String(keypair)],
      ['JSON.stringify', () => JSON.stringify({ keypair })],
      ['util.inspect', () => inspect(keypair, { showHidden: true, depth: 10 })],
      ['inspect of a holder', () => inspect({ nested: [keypair] }, { depth: 10 })],
    ])('%s shows the address only', (_name, render) => {
      const text = render();
      expect(text).toContain(keyVectors.ss58_format_42);
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
