import { thrownBy } from '@taonode/testing';
import { keyfileVectors, keyVectors, schnorrkelSecretHex } from '../../test/vectors';
import { Keypair } from '../keypair/keypair';
import { deserializeKeyfile, serializeKeyfile, serializePublicKeyfile } from './keyfile-json.codec';

function malformedMessage(data: string): string | undefined {
  try {
    deserializeKeyfile(data);
  } catch (error) {
    expect(error).toMatchObject({ code: 'TAONODE_WALLET_MALFORMED_KEYFILE' });
    return (error as Error).message;
  }
  return undefined;
}

describe('keyfile JSON', () => {
  const vectorKeypair = Keypair.fromMnemonic(keyVectors.mnemonic);

  it('parses the plaintext keyfile example to the vector address with its secrets', () => {
    const keypair = deserializeKeyfile(keyfileVectors.plaintext_json_example);
    expect(keypair.ss58Address).toBe(keyVectors.ss58_format_42);
    expect(keypair.revealMnemonic()).toBe(keyVectors.mnemonic);
  });

  it('serialises exactly the six fields of the btwallet example', () => {
    expect(JSON.parse(serializeKeyfile(vectorKeypair))).toEqual(JSON.parse(keyfileVectors.plaintext_json_example));
  });

  it('serialises the public file exactly as the coldkeypub.txt example', () => {
    expect(JSON.parse(serializePublicKeyfile(vectorKeypair))).toEqual(
      JSON.parse(keyfileVectors.coldkeypub_txt_example),
    );
  });

  it('writes only privateKey (schnorrkel form) for keys without mnemonic or seed', () => {
    const json = JSON.parse(serializeKeyfile(Keypair.fromSchnorrkelSecret(schnorrkelSecretHex))) as Record<
      string,
      string
    >;
    expect(Object.keys(json).sort()).toEqual(['accountId', 'privateKey', 'publicKey', 'ss58Address']);
    expect(json.privateKey).toBe(schnorrkelSecretHex);
  });

  it('prefers secretPhrase over secretSeed over privateKey over ss58Address', () => {
    const alice = Keypair.fromUri('//Alice');
    const bob = Keypair.fromUri('//Bob');
    const aliceSecret = Buffer.from(alice.revealSchnorrkelSecret()).toString('hex');
    const bobSecret = Buffer.from(bob.revealSchnorrkelSecret()).toString('hex');
    const withAll = {
      ss58Address: bob.ss58Address,
      privateKey: `0x${bobSecret}`,
      secretSeed: keyVectors.mini_secret_seed,
      secretPhrase: keyVectors.mnemonic,
    };
    expect(deserializeKeyfile(JSON.stringify(withAll)).ss58Address).toBe(keyVectors.ss58_format_42);
    const { secretPhrase: _phrase, ...withoutPhrase } = withAll;
    expect(deserializeKeyfile(JSON.stringify(withoutPhrase)).ss58Address).toBe(keyVectors.ss58_format_42);
    const { secretSeed: _seed, ...onlyKeyAndAddress } = withoutPhrase;
    expect(deserializeKeyfile(JSON.stringify({ ...onlyKeyAndAddress, privateKey: aliceSecret })).ss58Address).toBe(
      alice.ss58Address,
    );
    const publicOnly = deserializeKeyfile(JSON.stringify({ ss58Address: bob.ss58Address }));
    expect(publicOnly.ss58Address).toBe(bob.ss58Address);
    expect(publicOnly.hasPrivateKey).toBe(false);
  });

  it('accepts secretSeed without 0x and as a 64-byte secret, and treats null as absent', () => {
    expect(deserializeKeyfile(JSON.stringify({ secretSeed: keyVectors.mini_secret_seed.slice(2) })).ss58Address).toBe(
      keyVectors.ss58_format_42,
    );
    expect(deserializeKeyfile(JSON.stringify({ secretSeed: schnorrkelSecretHex })).ss58Address).toBe(
      keyVectors.ss58_format_42,
    );
    expect(
      deserializeKeyfile(JSON.stringify({ secretPhrase: null, secretSeed: keyVectors.mini_secret_seed })).ss58Address,
    ).toBe(keyVectors.ss58_format_42);
  });

  it('reads the raw-UTF-8 secretSeed btwallet writes when the seed bytes are valid UTF-8', () => {
    const seed = Buffer.from('abcdefghijklmnopqrstuvwxyz012345', 'utf8');
    const expected = Keypair.fromSeed(new Uint8Array(seed)).ss58Address;
    expect(deserializeKeyfile(JSON.stringify({ secretSeed: `0x${seed.toString('utf8')}` })).ss58Address).toBe(expected);
  });

  it.each([
    ['a number value', JSON.stringify({ ss58Address: 5 })],
    ['an object value', JSON.stringify({ secretPhrase: { words: 12 } })],
    ['a JSON array', '["x"]'],
    ['not JSON', 'hello'],
    ['JSON null', 'null'],
  ])('refuses %s with "Failed to parse keyfile data."', (_what, data) => {
    expect(malformedMessage(data)).toMatch(/^Failed to parse keyfile data\./);
  });

  it('keeps the plaintext out of the parse error, including its cause', () => {
    const error = thrownBy(() => deserializeKeyfile(`{"secretPhrase": "${keyVectors.mnemonic}",`));
    expect(error).toMatchObject({ code: 'TAONODE_WALLET_MALFORMED_KEYFILE' });
    expect((error as Error).cause).toBeUndefined();
    expect(String(error)).not.toContain('bottom');
  });

  it('refuses invalid UTF-8', () => {
    expect(thrownBy(() => deserializeKeyfile(new Uint8Array([0xff, 0xfe, 0x7b])))).toMatchObject({
      code: 'TAONODE_WALLET_MALFORMED_KEYFILE',
      message: 'Failed to decode keyfile data.',
    });
  });

  it('refuses files without any key material, and bad key material inside a file', () => {
    expect(malformedMessage(JSON.stringify({ accountId: keyVectors.public_key }))).toBe(
      'Keypair could not be created from keyfile data.',
    );
    expect(malformedMessage(JSON.stringify({ secretPhrase: 'one two three' }))).toMatch(/mnemonic must have/);
    expect(malformedMessage(JSON.stringify({ ss58Address: 'not-an-address' }))).toMatch(/not a valid SS58 address/);
  });
});
