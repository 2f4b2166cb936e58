import { verifySr25519 } from './sr25519-verify';

const PUBLIC_KEY = Buffer.from('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d', 'hex');

describe('verifySr25519 (the one WASM verification path)', () => {
  it('answers false, as sp_core does, for a signature without the schnorrkel marker', () => {
    expect(verifySr25519('hello', new Uint8Array(64), PUBLIC_KEY)).toBe(false);
  });

  it('answers false for a public key that is not a Ristretto point', () => {
    const marked = new Uint8Array(64);
    marked[63] = 0x80;
    expect(verifySr25519('hello', marked, new Uint8Array(32).fill(0xff))).toBe(false);
  });
});
