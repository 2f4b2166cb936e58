import { ansibleVaultEncrypt } from '../../test/ansible-vault.fixture';
import { keyfileVectors } from '../../test/vectors';
import { decryptKeyfileData, detectKeyfileEncryption } from './keyfile-encryption';

describe('keyfile encryption detection', () => {
  const plaintext = new Uint8Array(Buffer.from(keyfileVectors.plaintext_json_example));

  it.each([
    ['nacl', Buffer.from(keyfileVectors.nacl_encryption.file_bytes_base64, 'base64')],
    ['ansible-vault', ansibleVaultEncrypt('{}', 'pw')],
    ['legacy-fernet', Buffer.from('gAAAAABkP0ExampleFernetTokenBody==')],
    ['none', Buffer.from(keyfileVectors.plaintext_json_example)],
  ])('detects %s', (expected, data) => {
    expect(detectKeyfileEncryption(new Uint8Array(data))).toBe(expected);
  });

  it('passes plaintext through unchanged', async () => {
    await expect(decryptKeyfileData(plaintext, 'ignored')).resolves.toEqual(plaintext);
  });

  it('refuses legacy Fernet files with an explanation', async () => {
    await expect(decryptKeyfileData(new Uint8Array(Buffer.from('gAAAAABk...')), 'pw')).rejects.toMatchObject({
      code: 'TAONODE_WALLET_UNSUPPORTED_ENCRYPTION',
    });
    await expect(decryptKeyfileData(new Uint8Array(Buffer.from('gAAAAABk...')), 'pw')).rejects.toThrow(
      /btwallet cannot decrypt it either/,
    );
  });
});
