import { inspect } from 'node:util';
import * as sr25519 from '@scure/sr25519';
import { bytesToHex, hexToBytes } from '../crypto/hex.util';
import {
  DEFAULT_MNEMONIC_WORD_COUNT,
  generateMnemonic,
  mnemonicToMiniSecret,
  validateMnemonic,
  type MnemonicWordCount,
} from '../crypto/mnemonic.util';
import { ed25519ToSchnorrkelSecret, schnorrkelToEd25519Secret } from '../crypto/secret-form.util';
import { publicKeyFromAddressOrHex, ss58Decode, ss58Encode } from '../crypto/ss58.util';
import { WalletError } from '../errors/wallet.error';
import { pairFromSecretUri, pairFromSeedBytes } from './secret-uri.util';
import { messageToBytes, type SignableMessage, type SignatureInput } from './signable-bytes.util';
import { verifySr25519 } from './sr25519-verify';

interface SecretMaterial {
  /** ed25519-form secret (scalar × 8 ‖ nonce), what @scure/sr25519 signs with. */
  ed25519Secret: Uint8Array;
  /** The seed the key came from (32-byte mini-secret or 64-byte schnorrkel secret), as btwallet's `seed_hex`. */
  seed?: Uint8Array;
  mnemonic?: string;
}

function toBytes(value: Uint8Array | string, what: string): Uint8Array {
  return typeof value === 'string' ? hexToBytes(value, what) : Uint8Array.from(value);
}

/**
 * An sr25519 keypair with btwallet 4.x semantics (protocol.md §7.3): mnemonic → mini-secret → schnorrkel
 * Ed25519-mode expansion, SS58 format 42, signatures with context `substrate`.
 *
 * Secrets live in private fields and are only reachable through the explicit `reveal*` methods:
 * `toString`, `toJSON` and `util.inspect` show the address only.
 * Structurally satisfies the protocol lib's signer interface `{ ss58Address; sign(message: Uint8Array) }`.
 */
export class Keypair {
  /** 32-byte sr25519 public key. */
  readonly publicKey: Uint8Array;
  /** SS58 address, format 42. */
  readonly ss58Address: string;
  readonly #secret: SecretMaterial | undefined;

  private constructor(publicKey: Uint8Array, secret: SecretMaterial | undefined) {
    this.publicKey = publicKey;
    this.ss58Address = ss58Encode(publicKey);
    this.#secret = secret;
  }

  /** A new random BIP39 mnemonic (12 words unless told otherwise, like btcli). */
  static generateMnemonic(wordCount: MnemonicWordCount = DEFAULT_MNEMONIC_WORD_COUNT): string {
    return generateMnemonic(wordCount);
  }

  /** From a BIP39 mnemonic (checksum verified; 12/15/18/21/24 words). Keeps phrase and mini-secret for keyfiles. */
  static fromMnemonic(mnemonic: string): Keypair {
    const phrase = validateMnemonic(mnemonic);
    const seed = mnemonicToMiniSecret(phrase);
    const pair = pairFromSeedBytes(seed);
    return new Keypair(pair.publicKey, { ed25519Secret: pair.secretKey, seed, mnemonic: phrase });
  }

  /**
   * From a seed, bytes or hex (`0x` optional): 32 bytes = mini-secret, 64 bytes = schnorrkel-form secret key
   * (btwallet `create_from_seed` / sp_core `from_seed_slice`).
   */
  static fromSeed(seed: Uint8Array | string): Keypair {
    const seedBytes = toBytes(seed, 'seed');
    const pair = pairFromSeedBytes(seedBytes);
    return new Keypair(pair.publicKey, { ed25519Secret: pair.secretKey, seed: seedBytes });
  }

  /** From a 64-byte schnorrkel-form secret key (keyfile `privateKey`); non-canonical scalars are rejected. */
  static fromSchnorrkelSecret(secret: Uint8Array | string): Keypair {
    const ed25519Secret = schnorrkelToEd25519Secret(toBytes(secret, 'secret key'));
    return new Keypair(sr25519.getPublicKey(ed25519Secret), { ed25519Secret });
  }

  /** From a 64-byte ed25519-form secret key (polkadot-js / @scure `secretKey`). */
  static fromEd25519Secret(secret: Uint8Array | string): Keypair {
    const ed25519Secret = toBytes(secret, 'secret key');
    // Round-trip through schnorrkel form: validates length and scalar and normalises the low 3 bits.
    const normalized = schnorrkelToEd25519Secret(ed25519ToSchnorrkelSecret(ed25519Secret));
    return new Keypair(sr25519.getPublicKey(normalized), { ed25519Secret: normalized });
  }

  /** From a Substrate secret URI: `//Alice`, `<mnemonic>//hard/soft///password`, `0x<seed>//path`. */
  static fromUri(uri: string): Keypair {
    const pair = pairFromSecretUri(uri);
    return new Keypair(pair.publicKey, { ed25519Secret: pair.secretKey });
  }

  /** Public-only keypair from an SS58 address of any prefix (re-encoded with format 42). */
  static fromSs58Address(address: string): Keypair {
    return new Keypair(ss58Decode(address), undefined);
  }

  /** Public-only keypair from a 32-byte public key (bytes or `0x`-hex) or an SS58 address. */
  static fromPublicKey(publicKey: Uint8Array | string): Keypair {
    const bytes = typeof publicKey === 'string' ? publicKeyFromAddressOrHex(publicKey) : Uint8Array.from(publicKey);
    return new Keypair(bytes, undefined);
  }

  /** `0x`-hex of the public key (the keyfile's `accountId` / `publicKey`). */
  get publicKeyHex(): string {
    return bytesToHex(this.publicKey);
  }

  /** False for public-only keypairs (coldkeypub.txt, `*pub.txt`, addresses). */
  get hasPrivateKey(): boolean {
    return this.#secret !== undefined;
  }

  /** The BIP39 phrase when the key came from one. Secret: never log it. */
  revealMnemonic(): string | undefined {
    return this.#secret?.mnemonic;
  }

  /** The seed the key came from (32-byte mini-secret or 64-byte secret), if any. Secret. */
  revealSeed(): Uint8Array | undefined {
    const seed = this.#secret?.seed;
    return seed === undefined ? undefined : Uint8Array.from(seed);
  }

  /** 64-byte schnorrkel-form secret key (keyfile `privateKey`). Secret. */
  revealSchnorrkelSecret(): Uint8Array {
    return ed25519ToSchnorrkelSecret(this.requireSecret('export a secret key').ed25519Secret);
  }

  /** 64-byte ed25519-form secret key (polkadot-js `secretKey`). Secret. */
  revealEd25519Secret(): Uint8Array {
    return Uint8Array.from(this.requireSecret('export a secret key').ed25519Secret);
  }

  /** sr25519 signature (64 bytes, randomized) of `message`; strings follow btwallet (`0x…` = hex, else UTF-8). */
  sign(message: SignableMessage): Uint8Array {
    const secret = this.requireSecret('sign');
    return sr25519.sign(secret.ed25519Secret, messageToBytes(message));
  }

  /** {@link sign} as `0x` + lowercase hex, the form dendrites put in `bt_header_dendrite_signature`. */
  signHex(message: SignableMessage): string {
    return bytesToHex(this.sign(message));
  }

  /** Verifies with btwallet's `<Bytes>…</Bytes>` fallback; throws `TAONODE_WALLET_INVALID_SIGNATURE` on malformed input. */
  verify(message: SignableMessage, signature: SignatureInput): boolean {
    return verifySr25519(message, signature, this.publicKey);
  }

  /** Same as btwallet's `str(keypair)`. */
  toString(): string {
    return `<Keypair (address=${this.ss58Address})>`;
  }

  /** Public data only, so `JSON.stringify` of anything holding a Keypair cannot leak secrets. */
  toJSON(): { ss58Address: string; publicKey: string } {
    return { ss58Address: this.ss58Address, publicKey: this.publicKeyHex };
  }

  [inspect.custom](): string {
    return this.toString();
  }

  private requireSecret(action: string): SecretMaterial {
    if (this.#secret === undefined) {
      throw new WalletError(
        'TAONODE_WALLET_NO_PRIVATE_KEY',
        `cannot ${action}: keypair ${this.ss58Address} is public-only`,
      );
    }
    return this.#secret;
  }
}
