import {
  mnemonicGenerate,
  mnemonicToEntropy as polkadotMnemonicToEntropy,
  mnemonicToMiniSecret as polkadotMnemonicToMiniSecret,
} from '@polkadot/util-crypto';
import { english } from '@polkadot/util-crypto/mnemonic/wordlists';
import { WalletError } from '../errors/wallet.error';

/** BIP39 lengths accepted by btwallet (bip39 crate) and polkadot-js. */
export const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24] as const;
/** A BIP39 word count btwallet accepts. */
export type MnemonicWordCount = (typeof MNEMONIC_WORD_COUNTS)[number];

/** btcli's default length for new keys. */
export const DEFAULT_MNEMONIC_WORD_COUNT: MnemonicWordCount = 12;

const ENGLISH_WORDS = new Set(english);

/** Narrows a number to {@link MnemonicWordCount}. */
export function isMnemonicWordCount(value: number): value is MnemonicWordCount {
  return (MNEMONIC_WORD_COUNTS as readonly number[]).includes(value);
}

/** Unicode NFKD (as BIP39 requires) and single spaces between words, no surrounding whitespace. */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.normalize('NFKD').trim().split(/\s+/u).join(' ');
}

/**
 * Checks word count, word list membership and the BIP39 checksum; returns the normalized phrase.
 * Error messages point at word positions only: the words themselves are secret.
 */
export function validateMnemonic(mnemonic: string): string {
  const normalized = normalizeMnemonic(mnemonic);
  const words = normalized === '' ? [] : normalized.split(' ');
  if (!isMnemonicWordCount(words.length)) {
    throw new WalletError(
      'TAONODE_WALLET_BAD_MNEMONIC',
      `mnemonic must have ${MNEMONIC_WORD_COUNTS.join(', ')} words, got ${words.length}`,
    );
  }
  const unknown = words.findIndex((word) => !ENGLISH_WORDS.has(word));
  if (unknown !== -1) {
    throw new WalletError(
      'TAONODE_WALLET_BAD_MNEMONIC',
      `mnemonic word #${unknown + 1} is not in the BIP39 English word list`,
    );
  }
  try {
    polkadotMnemonicToEntropy(normalized, undefined, true);
  } catch (error) {
    throw new WalletError('TAONODE_WALLET_BAD_MNEMONIC', 'mnemonic checksum is wrong (a word is mistyped or missing)', {
      cause: error,
    });
  }
  return normalized;
}

/** BIP39 entropy bytes of a valid mnemonic (16–32 bytes). */
export function mnemonicToEntropy(mnemonic: string): Uint8Array {
  return polkadotMnemonicToEntropy(validateMnemonic(mnemonic), undefined, true);
}

/**
 * The 32-byte sr25519 mini-secret of a mnemonic, as sp_core `Pair::from_phrase` and btwallet compute it
 * (protocol.md §7.3): `PBKDF2-HMAC-SHA512(entropy, "mnemonic" + passphrase, 2048)[0..32]` —
 * the BIP39 *entropy*, not the BIP39 seed, is the PBKDF2 password.
 */
export function mnemonicToMiniSecret(mnemonic: string, passphrase = ''): Uint8Array {
  return polkadotMnemonicToMiniSecret(validateMnemonic(mnemonic), passphrase, undefined, true);
}

/** A fresh random English BIP39 mnemonic (CSPRNG entropy). */
export function generateMnemonic(wordCount: MnemonicWordCount = DEFAULT_MNEMONIC_WORD_COUNT): string {
  return mnemonicGenerate(wordCount, undefined, true);
}
