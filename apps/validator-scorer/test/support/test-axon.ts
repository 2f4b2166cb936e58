import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchingGenerator, EmbeddedOrtBackend } from '@taonode/inference';
import { encodeSuccessResponse, parseRequest, type FieldShape, type SynapseValues } from '@taonode/protocol';
import { parseLosslessJson } from '@taonode/protocol';
import { encodeSynapseInputs, findSynapseModule, runSynapseModule } from '@taonode/synapses';

/** How a test miner answers: correct at once, correct after a delay, or well-formed but wrong. */
export type TestAxonBehaviour =
  { readonly kind: 'honest' } | { readonly kind: 'slow'; readonly delayMs: number } | { readonly kind: 'garbage' };

export interface TestAxon {
  readonly port: number;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A miner for scorer tests that need misbehaving ones: parses the validator's Python-format request with the
 * protocol lib, computes the real answer with the same synapse handlers and the same model as our workers (so a
 * correct answer is correct), then answers as its behaviour says. No signature or blacklist checks: what is under
 * test is the validator's scoring, not this miner.
 */
export async function startTestAxon(
  behaviour: TestAxonBehaviour,
  modelRepository: string,
  host = '127.0.0.1',
): Promise<TestAxon> {
  const generator = new BatchingGenerator(
    new EmbeddedOrtBackend({ source: { kind: 'bytelm', repository: modelRepository }, intraOpThreads: 1 }),
    { maxBatch: 8, batchDelayMs: 1 },
  );
  const server: Server = createServer((request, response) => {
    void (async () => {
      const name = (request.url ?? '/').slice(1);
      const module = findSynapseModule(name);
      if (module === undefined) {
        response.writeHead(404).end();
        return;
      }
      const parsed = parseRequest(module.synapse, { headers: request.headers, body: await readBody(request) });
      const synapse = parsed.synapse;
      const outputsJson = await runSynapseModule(
        module,
        encodeSynapseInputs(module.synapse, synapse),
        {
          generator,
          limits: { maxTokens: 256, maxPromptBytes: 4096 },
          signal: AbortSignal.timeout(30_000),
          requestId: 'test-axon',
        },
        () => Promise.resolve(),
      );
      const outputs = parseLosslessJson(outputsJson) as Map<string, unknown>;
      const answered = { ...synapse } as Record<string, unknown>;
      for (const [field, value] of outputs) {
        answered[field] = value;
      }
      if (behaviour.kind === 'garbage') {
        answered.dummy_output = -1n;
        answered.completion = 'not what the model says';
      }
      if (behaviour.kind === 'slow') {
        await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      }
      const encoded = encodeSuccessResponse({
        definition: module.synapse,
        synapse: answered as SynapseValues<FieldShape>,
        processTimeSeconds: 0,
      });
      response.writeHead(encoded.status, encoded.headers).end(encoded.body);
    })().catch(() => {
      if (!response.headersSent) {
        response.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
