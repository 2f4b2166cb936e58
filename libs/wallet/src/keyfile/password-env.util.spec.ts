import {
  decodePasswordFromEnv,
  encodePasswordForEnv,
  passwordEnvVarName,
  passwordFromEnvironment,
} from './password-env.util';

describe('BT_PW_ password variables', () => {
  const keyfilePath = '/home/alice/.bittensor/wallets/default/coldkey';
  const varName = 'BT_PW__HOME_ALICE__BITTENSOR_WALLETS_DEFAULT_COLDKEY';

  it('names the variable after the keyfile path with / and . replaced and upper-cased', () => {
    expect(passwordEnvVarName(keyfilePath)).toBe(varName);
  });

  it('stores base64(password XOR cyclic(name))', () => {
    // 'a' (0x61) XOR 'B' (0x42) = 0x23 → "Iw=="; 'b' XOR 'T' (0x54) = 0x36 → together "IzY=".
    expect(encodePasswordForEnv(varName, 'ab')).toBe('IzY=');
  });

  it('reads back a stored password from the environment', () => {
    const env = {
      [varName]: encodePasswordForEnv(varName, 'pässwörd-longer-than-the-variable-name-itself-0123456789'),
    };
    expect(passwordFromEnvironment(keyfilePath, env)).toBe('pässwörd-longer-than-the-variable-name-itself-0123456789');
    expect(passwordFromEnvironment('/other/coldkey', env)).toBeUndefined();
  });

  it('yields the empty string for values that do not decode to UTF-8, like btwallet', () => {
    expect(decodePasswordFromEnv('B', Buffer.from([0xff ^ 0x42]).toString('base64'))).toBe('');
  });
});
