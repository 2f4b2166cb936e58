import { thrownBy } from '@taonode/testing';
import { ansibleVaultEncrypt } from '../../test/ansible-vault.fixture';
import { keyfileVectors } from '../../test/vectors';
import { decryptAnsibleVault } from './ansible-vault.cipher';

describe('Ansible Vault keyfiles', () => {
  const plaintext = keyfileVectors.plaintext_json_example;

  it('decrypts a vault made with the documented algorithm', () => {
    const vault = ansibleVaultEncrypt(plaintext, 'vault-password');
    expect(Buffer.from(decryptAnsibleVault(vault, 'vault-password')).toString('utf8')).toBe(plaintext);
  });

  it('accepts a 1.2 header with a vault id label and CRLF lines', () => {
    const vault = ansibleVaultEncrypt(plaintext, 'pw').toString('latin1');
    const relabelled = vault
      .replace('$ANSIBLE_VAULT;1.1;AES256', '$ANSIBLE_VAULT;1.2;AES256;prod')
      .replace(/\n/g, '\r\n');
    expect(Buffer.from(decryptAnsibleVault(Buffer.from(relabelled, 'latin1'), 'pw')).toString('utf8')).toBe(plaintext);
  });

  it('reports a wrong password as TAONODE_WALLET_WRONG_PASSWORD', () => {
    const vault = ansibleVaultEncrypt(plaintext, 'right');
    expect(thrownBy(() => decryptAnsibleVault(vault, 'wrong'))).toMatchObject({
      code: 'TAONODE_WALLET_WRONG_PASSWORD',
    });
  });

  it('reports a damaged body as malformed', () => {
    const vault = Buffer.from('$ANSIBLE_VAULT;1.1;AES256\nzz\n', 'latin1');
    expect(thrownBy(() => decryptAnsibleVault(vault, 'pw'))).toMatchObject({
      code: 'TAONODE_WALLET_MALFORMED_KEYFILE',
    });
  });
});
