import { base58Decode } from '@polkadot/util-crypto';
import { SynapseValidationError } from '../errors/body-errors';
import { HeaderParseError } from '../errors/request-errors';
import { NotVerifiedError } from '../errors/verification-errors';
import { pythonFloatFromString, pythonIntFromString } from '../python/py-number-parse';
import { hotkeyPublicKey } from '../signature/hotkey-address';
import { decodeSignatureHex } from '../signature/signature-hex';
import { TextGeneration } from '../synapse/builtins';
import { parseRequestHeaders } from '../wire/request-headers';
import { MAX_FLOAT_STRING_LENGTH, MAX_SIGNATURE_HEADER_LENGTH, MAX_SS58_ADDRESS_LENGTH } from './input-limits';

jest.mock('@polkadot/util-crypto', () => {
  const actual = jest.requireActual<typeof import('@polkadot/util-crypto')>('@polkadot/util-crypto');
  return { ...actual, base58Decode: jest.fn(actual.base58Decode) };
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const digits = (length: number): string => '1'.repeat(length);
const textGeneration = (temperature: unknown): unknown =>
  thrown(() => TextGeneration.validate({ prompt: 'hi', max_tokens: 8, temperature, seed: 1 }));

describe('float strings are bounded before parsing', () => {
  it('parses a float string of exactly the bound and refuses one character more (Python float())', () => {
    expect(pythonFloatFromString(digits(MAX_FLOAT_STRING_LENGTH))).toEqual({ ok: true, value: Infinity });
    const refused = pythonFloatFromString(digits(MAX_FLOAT_STRING_LENGTH + 1));
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ exception: 'ValueError' });
  });

  it('refuses an over-long timeout header with a HeaderParseError', () => {
    expect(parseRequestHeaders({ timeout: digits(MAX_FLOAT_STRING_LENGTH) }).timeout).toBe(Infinity);
    expect(thrown(() => parseRequestHeaders({ timeout: digits(32_000) }))).toBeInstanceOf(HeaderParseError);
    expect(thrown(() => parseRequestHeaders({ timeout: `1${' '.repeat(32_000)}1` }))).toBeInstanceOf(HeaderParseError);
  });

  it('refuses an over-long float field of a body with a SynapseValidationError', () => {
    expect(textGeneration(digits(MAX_FLOAT_STRING_LENGTH))).toBeUndefined();
    const error = textGeneration(digits(32_000));
    expect(error).toBeInstanceOf(SynapseValidationError);
    expect((error as SynapseValidationError).issues[0]).toMatchObject({ type: 'float_parsing', loc: ['temperature'] });
  });

  it('still refuses integer strings whose digits exceed 4300 after whitespace, however it is spread', () => {
    expect(pythonIntFromString(`1${' '.repeat(32_000)}1`).ok).toBe(false);
    expect(thrown(() => parseRequestHeaders({ bt_header_dendrite_nonce: ` ${digits(5000)} ` }))).toBeInstanceOf(
      HeaderParseError,
    );
    expect(parseRequestHeaders({ bt_header_dendrite_nonce: ` \t${digits(30)} ` }).dendrite.nonce).toBe(
      BigInt(digits(30)),
    );
  });
});

describe('hotkey addresses are bounded before base58 decoding', () => {
  beforeEach(() => {
    jest.mocked(base58Decode).mockClear();
  });

  it('refuses an address over the bound as a bad length without decoding it', () => {
    const error = thrown(() => hotkeyPublicKey(digits(16 * 1024)));
    expect(error).toBeInstanceOf(NotVerifiedError);
    expect(error).toMatchObject({
      code: 'TAONODE_PROTOCOL_HOTKEY_INVALID',
      reason: 'Invalid SS58 address: Length is bad',
    });
    expect(base58Decode).not.toHaveBeenCalled();
  });

  it('still decodes a real format-42 address, which is within the bound', () => {
    expect(ALICE.length).toBeLessThanOrEqual(MAX_SS58_ADDRESS_LENGTH);
    expect(hotkeyPublicKey(ALICE)).toHaveLength(32);
  });
});

describe('signature headers are bounded before hex decoding', () => {
  it('refuses a signature over the bound as "Invalid signature"', () => {
    const error = thrown(() => decodeSignatureHex(`0x${'ab'.repeat(MAX_SIGNATURE_HEADER_LENGTH)}`));
    expect(error).toBeInstanceOf(NotVerifiedError);
    expect(error).toMatchObject({ code: 'TAONODE_PROTOCOL_SIGNATURE_MALFORMED', reason: 'Invalid signature' });
  });

  it('accepts 0x + 128 hex digits', () => {
    expect(decodeSignatureHex(`0x${'ab'.repeat(64)}`)).toHaveLength(64);
  });
});
