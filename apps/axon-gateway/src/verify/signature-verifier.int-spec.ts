import { NotVerifiedError, parseRequestHeaders } from '@taonode/protocol';
import { Keypair } from '@taonode/wallet';
import { dummyRequest } from '../../test/support/signed-request';
import { gatewayConfigSchema } from '../config';
import { SignatureVerifier } from './signature-verifier';

const AXON = Keypair.fromUri('//Bob').ss58Address;

/** The authentication headers of a fresh Dummy request, its signature corrupted when `forged`. */
function authentication(forged: boolean) {
  const { headers } = dummyRequest({ axonHotkey: AXON });
  const signature = headers.bt_header_dendrite_signature ?? '';
  const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
  return parseRequestHeaders(forged ? { ...headers, bt_header_dendrite_signature: flipped } : headers, {
    duplicates: 'reject',
    inputObjHeaders: 'ignore',
  });
}

describe('SignatureVerifier on a real verify thread', () => {
  let verifier: SignatureVerifier;

  beforeAll(async () => {
    verifier = new SignatureVerifier(gatewayConfigSchema.parse({ AXON_VERIFY_THREADS: '1' }));
    await verifier.onModuleInit();
  });

  afterAll(async () => {
    await verifier.onApplicationShutdown();
  });

  it('answers valid signatures and refuses forged ones with the SDK reason', async () => {
    await expect(verifier.verify(authentication(false), AXON, false)).resolves.toBeUndefined();
    await expect(verifier.verify(authentication(true), AXON, false)).rejects.toBeInstanceOf(NotVerifiedError);
    expect(verifier.queued).toBe(0);
  });

  it('verifies a trusted caller before a flood of forged claims queued ahead of it', async () => {
    // One forged head sent 4,000 times: its verification fails each time, as a flood's would.
    const forgedHead = authentication(true);
    const forged = Array.from({ length: 4000 }, () => forgedHead);
    let forgedSettled = 0;
    const flood = forged.map((headers) =>
      verifier.verify(headers, AXON, false).then(
        () => {
          throw new Error('a forged signature was accepted');
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(NotVerifiedError);
          forgedSettled += 1;
        },
      ),
    );
    // Queued after all 4,000, in the same turn: it still goes to the thread in the first message with room.
    let forgedSettledBeforeValidator = -1;
    const validator = verifier.verify(authentication(false), AXON, true).then(() => {
      forgedSettledBeforeValidator = forgedSettled;
    });
    expect(verifier.queued).toBe(4001);
    await Promise.all([validator, ...flood]);
    expect(forgedSettled).toBe(4000);
    // At most the thread's window of forged ones (1,024) was answered first, however fast the machine.
    expect(forgedSettledBeforeValidator).toBeGreaterThanOrEqual(0);
    expect(forgedSettledBeforeValidator).toBeLessThanOrEqual(1024);
  });

  it('verifies in arrival order among callers of the same trust', async () => {
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        verifier.verify(authentication(index % 2 === 0), AXON, false).then(
          () => order.push(index),
          () => order.push(index),
        ),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('shares the work between its threads: a full window on one sends the rest to the next', async () => {
    const pair = new SignatureVerifier(gatewayConfigSchema.parse({ AXON_VERIFY_THREADS: '2' }));
    await pair.onModuleInit();
    try {
      const forgedHead = authentication(true);
      const all = Array.from({ length: 1100 }, () => pair.verify(forgedHead, AXON, false).catch(() => undefined));
      // Right after the flush at the end of this turn (immediates run in order; no answer can arrive in between).
      const handedOut = await new Promise<readonly number[]>((resolve) =>
        setImmediate(() => resolve([...pair.outstandingByThread])),
      );
      expect(handedOut).toEqual([1024, 76]);
      await Promise.all(all);
      expect(pair.outstandingByThread).toEqual([0, 0]);
    } finally {
      await pair.onApplicationShutdown();
    }
  });
});
