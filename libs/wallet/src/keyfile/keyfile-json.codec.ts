import { bytesToHex, hexToBytes } from '../crypto/hex.util';
import { WalletError } from '../errors/wallet.error';
import { Keypair } from '../keypair/keypair';

/**
 * The keyfile JSON of btwallet (protocol.md §7.2). All values are strings; key order is irrelevant
 * (btwallet serialises a HashMap). Secret keyfiles carry every field that applies, public ones
 * (`coldkeypub.txt`, `hotkeys/<name>pub.txt`) only accountId/publicKey/ss58Address.
 */
export interface KeyfileJson {
  accountId?: string;
  publicKey?: string;
  /** Schnorrkel-form 64-byte secret key, `0x`-hex. */
  privateKey?: string;
  /** BIP39 mnemonic, only for keys made from one. */
  secretPhrase?: string;
  /** `0x`-hex seed: 32-byte mini-secret (or 64-byte secret when the key was regenerated from one). */
  secretSeed?: string;
  ss58Address?: string;
}

const SEED_LENGTHS = new Set([32, 64]);
const MINI_SECRET_LENGTH = 32;

function malformed(reason: string, cause?: unknown): WalletError {
  return new WalletError('TAONODE_WALLET_MALFORMED_KEYFILE', reason, cause === undefined ? undefined : { cause });
}

/** JSON text of the full keyfile for `keypair` (secret fields included when the keypair has them). */
export function serializeKeyfile(keypair: Keypair): string {
  const data: KeyfileJson = { accountId: keypair.publicKeyHex, publicKey: keypair.publicKeyHex };
  if (keypair.hasPrivateKey) {
    data.privateKey = bytesToHex(keypair.revealSchnorrkelSecret());
    const mnemonic = keypair.revealMnemonic();
    if (mnemonic !== undefined) {
      data.secretPhrase = mnemonic;
    }
    const seed = keypair.revealSeed();
    if (seed !== undefined) {
      // Always real hex: btwallet writes raw bytes when they happen to be UTF-8 (a bug, protocol.md §10).
      data.secretSeed = bytesToHex(seed);
    }
  }
  data.ss58Address = keypair.ss58Address;
  return JSON.stringify(data);
}

/** JSON text of the public-only keyfile (`coldkeypub.txt`, `<hotkey>pub.txt`). */
export function serializePublicKeyfile(keypair: Keypair): string {
  const data: KeyfileJson = {
    accountId: keypair.publicKeyHex,
    publicKey: keypair.publicKeyHex,
    ss58Address: keypair.ss58Address,
  };
  return JSON.stringify(data);
}

function parseFields(data: Uint8Array | string): Map<string, string> {
  let text: string;
  try {
    text = typeof data === 'string' ? data : new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (error) {
    throw malformed('Failed to decode keyfile data.', error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // No `cause`: V8's JSON.parse message quotes the text around the error, which may be secret key material.
    throw malformed('Failed to parse keyfile data.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed('Failed to parse keyfile data.');
  }
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    // btwallet parses into map<string, Option<String>>: null means absent, any other non-string fails the file.
    if (value === null) {
      continue;
    }
    if (typeof value !== 'string') {
      throw malformed(`Failed to parse keyfile data. (field "${key}" is not a string)`);
    }
    fields.set(key, value);
  }
  return fields;
}

/**
 * `secretSeed` bytes. Besides hex, accepts the raw form btwallet writes when the 32 seed bytes happen to be
 * valid UTF-8 (`"0x" + raw`), which btwallet itself cannot read back.
 */
function decodeSecretSeed(value: string): Uint8Array {
  const digits = value.startsWith('0x') ? value.slice(2) : value;
  try {
    const bytes = hexToBytes(digits, 'secretSeed');
    if (SEED_LENGTHS.has(bytes.length)) {
      return bytes;
    }
  } catch (error) {
    if (!(error instanceof WalletError)) {
      throw error;
    }
  }
  const raw = new Uint8Array(Buffer.from(digits, 'utf8'));
  if (raw.length === MINI_SECRET_LENGTH) {
    return raw;
  }
  throw malformed('secretSeed is neither 32/64 hex bytes nor a raw 32-byte seed');
}

function keypairFrom(fields: Map<string, string>): Keypair {
  const secretPhrase = fields.get('secretPhrase');
  if (secretPhrase !== undefined) {
    return Keypair.fromMnemonic(secretPhrase);
  }
  const secretSeed = fields.get('secretSeed');
  if (secretSeed !== undefined) {
    return Keypair.fromSeed(decodeSecretSeed(secretSeed));
  }
  const privateKey = fields.get('privateKey');
  if (privateKey !== undefined) {
    // from_seed_slice: 64 bytes = schnorrkel-form secret, 32 bytes = mini-secret.
    return Keypair.fromSeed(hexToBytes(privateKey, 'privateKey'));
  }
  const ss58Address = fields.get('ss58Address');
  if (ss58Address !== undefined) {
    return Keypair.fromSs58Address(ss58Address);
  }
  throw malformed('Keypair could not be created from keyfile data.');
}

/**
 * Keypair from keyfile JSON with btwallet's priority: secretPhrase › secretSeed › privateKey › ss58Address.
 * Every failure (bad UTF-8/JSON, non-string value, invalid key material) is `TAONODE_WALLET_MALFORMED_KEYFILE`.
 */
export function deserializeKeyfile(data: Uint8Array | string): Keypair {
  const fields = parseFields(data);
  try {
    return keypairFrom(fields);
  } catch (error) {
    if (error instanceof WalletError && error.code !== 'TAONODE_WALLET_MALFORMED_KEYFILE') {
      throw malformed(`keyfile content is invalid: ${error.message}`, error);
    }
    throw error;
  }
}
