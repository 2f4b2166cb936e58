import { NonceManager } from './nonce-manager';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

function newTestNonceManager(chainNonces: number[]): {
  sut: NonceManager;
  source: jest.Mock<Promise<number>, [string]>;
} {
  const source = jest.fn<Promise<number>, [string]>();
  for (const nonce of chainNonces) {
    source.mockResolvedValueOnce(nonce);
  }
  return { sut: new NonceManager(source), source };
}

describe('NonceManager', () => {
  it('hands consecutive nonces to concurrent submissions and asks the chain once', async () => {
    const { sut, source } = newTestNonceManager([7]);
    const nonces = await Promise.all([sut.reserve(ALICE), sut.reserve(ALICE), sut.reserve(ALICE)]);
    expect(nonces).toEqual([7, 8, 9]);
    expect(source).toHaveBeenCalledTimes(1);
    expect(sut.outstanding(ALICE)).toEqual([7, 8, 9]);
  });

  it('gives the last nonce back when its transaction never reached the pool', async () => {
    const { sut, source } = newTestNonceManager([3]);
    const first = await sut.reserve(ALICE);
    sut.release(ALICE, first);
    expect(await sut.reserve(ALICE)).toBe(3);
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('re-syncs with the chain when a nonce in the middle is given back', async () => {
    const { sut, source } = newTestNonceManager([3, 4]);
    const first = await sut.reserve(ALICE);
    const second = await sut.reserve(ALICE);
    sut.accepted(ALICE, second);
    sut.release(ALICE, first);
    // The chain reports the gap (4 here after another of our transactions landed) and we follow it.
    expect(await sut.reserve(ALICE)).toBe(4);
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('asks the chain again after an outdated nonce', async () => {
    const { sut } = newTestNonceManager([0, 5]);
    await sut.reserve(ALICE);
    sut.resync(ALICE);
    expect(await sut.reserve(ALICE)).toBe(5);
  });

  it('keeps accounts apart', async () => {
    const { sut } = newTestNonceManager([1, 10]);
    expect(await sut.reserve(ALICE)).toBe(1);
    expect(await sut.reserve('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty')).toBe(10);
    expect(await sut.reserve(ALICE)).toBe(2);
  });

  it('does not wedge the account when asking the chain fails', async () => {
    const source = jest
      .fn<Promise<number>, [string]>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce(2);
    const sut = new NonceManager(source);
    await expect(sut.reserve(ALICE)).rejects.toThrow('down');
    expect(await sut.reserve(ALICE)).toBe(2);
  });
});
