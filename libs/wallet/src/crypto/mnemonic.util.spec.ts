import { keyVectors } from '../../test/vectors';
import { isWalletError } from '../errors/wallet.error';
import { bytesToHex } from './hex.util';
import { generateMnemonic, mnemonicToEntropy, mnemonicToMiniSecret, validateMnemonic } from './mnemonic.util';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isWalletError(error) ? error.code : 'not-a-wallet-error';
  }
  return undefined;
}

describe('mnemonic', () => {
  it('turns the vector mnemonic into its BIP39 entropy', () => {
    expect(bytesToHex(mnemonicToEntropy(keyVectors.mnemonic))).toBe(keyVectors.bip39_entropy);
  });

  it('derives the vector mini-secret (PBKDF2 over the entropy, not the BIP39 seed)', () => {
    expect(bytesToHex(mnemonicToMiniSecret(keyVectors.mnemonic))).toBe(keyVectors.mini_secret_seed);
  });

  it('normalizes surrounding and repeated whitespace', () => {
    expect(validateMnemonic(`  ${keyVectors.mnemonic.replace(/ /g, '  \t')}\n`)).toBe(keyVectors.mnemonic);
  });

  it('rejects a mnemonic whose checksum is wrong', () => {
    const words = keyVectors.mnemonic.split(' ');
    const swapped = [...words.slice(0, 10), words[11], words[10]].join(' ');
    expect(codeOf(() => validateMnemonic(swapped))).toBe('TAONODE_WALLET_BAD_MNEMONIC');
  });

  it('rejects unknown words and names only their position', () => {
    const words = keyVectors.mnemonic.split(' ');
    words[4] = 'notaword';
    expect(() => validateMnemonic(words.join(' '))).toThrow('word #5 is not in the BIP39 English word list');
    expect(() => validateMnemonic(words.join(' '))).not.toThrow(/notaword/);
  });

  it.each([11, 13, 25, 0])('rejects %i words', (count) => {
    const phrase = Array.from({ length: count }, () => 'abandon').join(' ');
    expect(codeOf(() => validateMnemonic(phrase))).toBe('TAONODE_WALLET_BAD_MNEMONIC');
  });

  it.each([12, 15, 18, 21, 24] as const)('generates valid %i-word mnemonics', (count) => {
    const phrase = generateMnemonic(count);
    expect(phrase.split(' ')).toHaveLength(count);
    expect(validateMnemonic(phrase)).toBe(phrase);
    expect(mnemonicToEntropy(phrase)).toHaveLength((count / 3) * 4);
  });
});
