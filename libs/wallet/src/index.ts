export { isWalletError, WalletError, type WalletErrorCode } from './errors/wallet.error';
export { bytesToHex, hexToBytes } from './crypto/hex.util';
export {
  DEFAULT_MNEMONIC_WORD_COUNT,
  generateMnemonic,
  isMnemonicWordCount,
  MNEMONIC_WORD_COUNTS,
  mnemonicToEntropy,
  mnemonicToMiniSecret,
  normalizeMnemonic,
  validateMnemonic,
  type MnemonicWordCount,
} from './crypto/mnemonic.util';
export { ed25519ToSchnorrkelSecret, schnorrkelToEd25519Secret, SECRET_KEY_LENGTH } from './crypto/secret-form.util';
export {
  BITTENSOR_SS58_FORMAT,
  isValidSs58Address,
  publicKeyFromAddressOrHex,
  ss58Decode,
  ss58Encode,
} from './crypto/ss58.util';
export { Keypair } from './keypair/keypair';
export { DEV_PHRASE } from './keypair/secret-uri.util';
export {
  messageToBytes,
  SIGNATURE_LENGTH,
  signatureToBytes,
  type SignableMessage,
  type SignatureInput,
} from './keypair/signable-bytes.util';
export { verifySignature, verifySr25519 } from './keypair/sr25519-verify';
export { decryptAnsibleVault } from './keyfile/ansible-vault.cipher';
export {
  decryptKeyfileData,
  detectKeyfileEncryption,
  encryptKeyfileData,
  isEncryptedKeyfileData,
  type KeyfileEncryption,
} from './keyfile/keyfile-encryption';
export {
  deserializeKeyfile,
  serializeKeyfile,
  serializePublicKeyfile,
  type KeyfileJson,
} from './keyfile/keyfile-json.codec';
export {
  BACKUP_INFIX,
  KEYFILE_MODE,
  KeyfileRepository,
  WALLET_DIRECTORY_MODE,
  type DirectoryEntry,
  type WriteKeyfileOptions,
  type WrittenKeyfile,
} from './keyfile/keyfile.repository';
export { Keyfile, type PasswordInput, type WriteKeypairOptions } from './keyfile/keyfile';
export {
  deriveNaclKey,
  NACL_ARGON2I_PARAMS,
  NACL_NONCE_LENGTH,
  NACL_PREFIX,
  openNaclKeyfile,
  sealNaclKeyfile,
} from './keyfile/nacl-keyfile.cipher';
export {
  decodePasswordFromEnv,
  encodePasswordForEnv,
  passwordEnvVarName,
  passwordFromEnvironment,
} from './keyfile/password-env.util';
export {
  MIN_PASSWORD_BYTES,
  MIN_PASSWORD_SCORE,
  passwordPolicyViolation,
  passwordStrengthScore,
} from './keyfile/password-policy.util';
export { listWallets, type HotkeyListing, type HotkeyListingStatus, type WalletListing } from './wallet/wallet-listing';
export {
  assertValidKeyName,
  COLDKEY_FILE,
  COLDKEYPUB_FILE,
  DEFAULT_HOTKEY_NAME,
  DEFAULT_WALLET_NAME,
  DEFAULT_WALLET_PATH,
  expandHome,
  HOTKEYS_DIRECTORY,
  PUBLIC_KEYFILE_SUFFIX,
} from './wallet/wallet-location';
export {
  Wallet,
  type WalletKeyKind,
  type WalletOptions,
  type WriteColdkeyOptions,
  type WriteHotkeyOptions,
} from './wallet/wallet';
