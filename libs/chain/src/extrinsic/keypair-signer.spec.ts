import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { Keypair } from '@taonode/wallet';
import { KeypairSigner } from './keypair-signer';

describe('KeypairSigner', () => {
  beforeAll(async () => {
    await cryptoWaitReady();
  });

  const alice = Keypair.fromUri('//Alice');

  it('signs short payloads as they are, with the sr25519 MultiSignature prefix', async () => {
    const data = u8aToHex(new Uint8Array(100).fill(7));
    const { signature } = await new KeypairSigner(alice).signRaw({ address: alice.ss58Address, data, type: 'payload' });
    const bytes = hexToU8a(signature);
    expect(bytes[0]).toBe(1);
    expect(signatureVerify(hexToU8a(data), bytes.subarray(1), alice.ss58Address).isValid).toBe(true);
  });

  it('signs the blake2-256 hash of payloads longer than 256 bytes', async () => {
    const payload = new Uint8Array(300).fill(9);
    const { signature } = await new KeypairSigner(alice).signRaw({
      address: alice.ss58Address,
      data: u8aToHex(payload),
      type: 'payload',
    });
    const bytes = hexToU8a(signature).subarray(1);
    expect(signatureVerify(blake2AsU8a(payload, 256), bytes, alice.ss58Address).isValid).toBe(true);
    expect(signatureVerify(payload, bytes, alice.ss58Address).isValid).toBe(false);
  });

  it('refuses to sign for another account', async () => {
    const bob = Keypair.fromUri('//Bob');
    await expect(
      new KeypairSigner(alice).signRaw({ address: bob.ss58Address, data: '0x00', type: 'payload' }),
    ).rejects.toMatchObject({ code: 'TAONODE_CHAIN_INVALID_ARGUMENT' });
  });
});
