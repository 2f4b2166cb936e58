import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppProcess,
  type FakeMetagraphServer,
  type LaunchedRedis,
  startAppProcess,
  startFakeMetagraphServer,
  startRedisServer,
} from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { waitUntilReady } from './support/gateway-stack';
import { type RunningGateway, startGateway } from './support/gateway.app';
import {
  findPythonWithAiohttp,
  type PythonDendriteCall,
  type PythonDendriteResult,
  runPythonDendrite,
} from './support/python-dendrite';
import { ALICE } from './support/signed-request';

/** A cold inference-worker start (swc compiles the app, the model is generated) on a busy 2-core machine. */
jest.setTimeout(300_000);

const PYTHON = findPythonWithAiohttp();
const DAVE = Keypair.fromUri('//Dave');
const TAO = 1_000_000_000n;
const KEYPAIRS = new Map([ALICE, DAVE].map((keypair) => [keypair.ss58Address, keypair]));
const GENERATION = { prompt: 'The miner answers', max_tokens: 12, temperature: 0.7, seed: 42 };

/**
 * The SDK dendrite's wire path in real Python on real aiohttp (support/python_dendrite.py) against the gateway and a
 * real inference-worker process: Python's own `json`, `str()`, base64 and SHA3 build each request, and aiohttp's
 * HTTP parser, `response.json()` and `iter_any()` read each answer. What the SDK would conclude is read back.
 */
(PYTHON === undefined ? describe.skip : describe)(
  `a Python aiohttp dendrite against the gateway${PYTHON === undefined ? ' (skipped: no python3 with aiohttp; apt-get install python3-aiohttp)' : ''}`,
  () => {
    let redis: LaunchedRedis | undefined;
    let metagraph: FakeMetagraphServer | undefined;
    let gateway: RunningGateway | undefined;
    let worker: AppProcess | undefined;
    let models: string | undefined;
    let axon: PythonDendriteCall['axon'];

    beforeAll(async () => {
      redis = await startRedisServer();
      metagraph = await startFakeMetagraphServer(1, [
        { hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true },
      ]);
      gateway = await startGateway({ redisUrl: redis.url, metagraphUrl: metagraph.url });
      await waitUntilReady(gateway);
      models = mkdtempSync(join(tmpdir(), 'python-dendrite-models-'));
      worker = await startAppProcess('inference-worker', { REDIS_URL: redis.url, INFERENCE_MODEL_REPOSITORY: models });
      axon = { ip: '127.0.0.1', port: gateway.port, hotkey: gateway.hotkey };
    });

    afterAll(async () => {
      await worker?.stop();
      await gateway?.close();
      await metagraph?.stop();
      await redis?.stop();
      if (models !== undefined) {
        rmSync(models, { recursive: true, force: true });
      }
    });

    /** Runs the calls; each is signed by its hotkey's keypair unless `tamper` says to sign something else. */
    function query(
      calls: readonly Omit<PythonDendriteCall, 'axon' | 'hotkey'>[],
      options: { hotkey?: string; tamper?: (callIndex: number) => boolean } = {},
    ): Promise<PythonDendriteResult[]> {
      const hotkey = options.hotkey ?? ALICE.ss58Address;
      return runPythonDendrite(
        PYTHON ?? 'python3',
        calls.map((call) => ({ ...call, axon, hotkey })),
        (callIndex, signer, message) => {
          const keypair = KEYPAIRS.get(signer);
          if (keypair === undefined) {
            throw new Error(`no keypair for ${signer}`);
          }
          return keypair.signHex(options.tamper?.(callIndex) === true ? `${message}.tampered` : message);
        },
      );
    }

    it('gets Dummy(4) = 8 and the base Synapse ping as successes, with the nonce back exactly', async () => {
      const [dummy, ping] = await query([
        { synapse: 'Dummy', inputs: { dummy_input: 4 } },
        { synapse: 'Synapse', inputs: {} },
      ]);
      expect(dummy?.synapse.dendrite).toEqual(expect.objectContaining({ status_code: 200, status_message: 'Success' }));
      expect(dummy).toEqual(expect.objectContaining({ is_success: true, deserialized: 8, nonce_round_trip: true }));
      expect(dummy?.synapse.dummy_input).toBe(4);
      expect(ping).toEqual(expect.objectContaining({ is_success: true, nonce_round_trip: true }));
    });

    it('gets the same TextGeneration completion twice, and the streamed chunks add up to it', async () => {
      const results = await query([
        { synapse: 'TextGeneration', inputs: GENERATION },
        { synapse: 'TextGeneration', inputs: GENERATION },
        { synapse: 'StreamingTextGeneration', inputs: GENERATION },
      ]);
      const [first, second, streamed] = results;
      expect(results.map((result) => result.is_success)).toEqual([true, true, true]);
      const completion = first?.deserialized;
      expect(typeof completion).toBe('string');
      expect(completion).not.toBe('');
      expect(second?.deserialized).toBe(completion);
      // The SDK's StreamingSynapse reads the chunks as they come (how many reads that takes is up to TCP and the
      // machine's load), then rebuilds the synapse from the headers.
      expect(streamed?.chunks.join('')).toBe(completion);
      expect(streamed?.deserialized).toBe(completion);
      expect(streamed?.synapse.axon.status_code).toBe(200);
    });

    it('signs hash fields as Python renders them: an int-valued float, escaped non-ASCII and quotes', async () => {
      // json.dumps sends `1.0` and `\u00e9`/surrogate-pair escapes; the body hash binds str(1.0) = "1.0" and the text.
      const inputs = {
        prompt: 'h\u00e9llo "w\u00f6rld" \u{1F680}\n\'quoted\'',
        max_tokens: 6,
        temperature: 1,
        seed: 3,
      };
      const [answer] = await query([{ synapse: 'TextGeneration', inputs }]);
      expect(answer?.synapse.dendrite.status_code).toBe(200);
      expect(answer?.synapse.prompt).toBe(inputs.prompt);
      expect(answer?.synapse.temperature).toBe(1);
      expect(typeof answer?.deserialized).toBe('string');
    });

    it('reads each refusal as the SDK would: status code and the axon message', async () => {
      const [badSignature, unserved] = await query(
        [
          { synapse: 'Dummy', inputs: { dummy_input: 1 } },
          { synapse: 'Unserved', inputs: { question: 'anyone there?' } },
        ],
        { tamper: (callIndex) => callIndex === 0 },
      );
      expect(badSignature?.synapse.dendrite.status_code).toBe(401);
      expect(badSignature?.synapse.dendrite.status_message).toMatch(
        /^Not Verified with error: Signature mismatch with /,
      );
      expect(badSignature?.deserialized).toBeNull();
      expect(unserved?.synapse.dendrite.status_code).toBe(404);
      expect(unserved?.synapse.dendrite.status_message).toEqual(expect.stringContaining('Unserved'));

      const [unregistered] = await query([{ synapse: 'Dummy', inputs: { dummy_input: 1 } }], {
        hotkey: DAVE.ss58Address,
      });
      expect(unregistered?.synapse.dendrite.status_code).toBe(403);
      expect(unregistered?.synapse.dendrite.status_message).toMatch(/^Forbidden\. Key is blacklisted/);
    });

    it('gets 64 concurrent calls over one aiohttp session all answered, each with its own output', async () => {
      const inputs = Array.from({ length: 64 }, (_, index) => index + 1);
      const results = await query(inputs.map((input) => ({ synapse: 'Dummy', inputs: { dummy_input: input } })));
      expect(results.map((result) => result.deserialized)).toEqual(inputs.map((input) => input * 2));
      expect(results.every((result) => result.is_success && result.nonce_round_trip)).toBe(true);
    });
  },
);
