import { thrownBy } from '@taonode/testing';
import { parseBlockNumber, parseNetuid, parseNeuronKey } from './request-parsing';

describe('request parsing', () => {
  it('accepts u16 netuids and refuses larger ones', () => {
    expect(parseNetuid(0)).toBe(0);
    expect(parseNetuid(65535)).toBe(65535);
    expect(thrownBy(() => parseNetuid(65536))).toMatchObject({ code: 'TAONODE_CHAIN_SYNC_INVALID_REQUEST' });
  });

  it('parses uint64 block strings within safe integers', () => {
    expect(parseBlockNumber('4242')).toBe(4242);
    expect(thrownBy(() => parseBlockNumber('18446744073709551615'))).toMatchObject({ kind: 'invalid-argument' });
    expect(() => parseBlockNumber('-1')).toThrow();
  });

  it('takes the uid or the hotkey of the oneof, uid 0 included, and refuses neither', () => {
    expect(parseNeuronKey({ uid: 0 })).toEqual({ uid: 0 });
    expect(parseNeuronKey({ hotkey: '5Habc' })).toEqual({ hotkey: '5Habc' });
    expect(thrownBy(() => parseNeuronKey({}))).toMatchObject({ code: 'TAONODE_CHAIN_SYNC_INVALID_REQUEST' });
  });
});
