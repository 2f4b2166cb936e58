import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Dummy,
  encodeSuccessResponse,
  parseRequestBodyFor,
  parseRequestHeaders,
  verifyRequestSignature,
  type Signer,
} from '@taonode/protocol';

/** How a fake axon answers: given the request, write anything to the raw response. */
export type AxonBehaviour = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

/** An in-process HTTP server on 127.0.0.1 playing an axon. */
export interface FakeAxon {
  readonly port: number;
  readonly server: Server;
  readonly requests: { path: string; headers: IncomingMessage['headers']; body: Buffer }[];
  close(): Promise<void>;
}

export async function startFakeAxon(behaviour: AxonBehaviour): Promise<FakeAxon> {
  const requests: FakeAxon['requests'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ path: request.url ?? '', headers: request.headers, body });
      behaviour(request, body, response);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    server,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * A correct Dummy miner: checks the request as a Python axon would (headers, body hash, signature against its
 * own hotkey), answers `dummy_output = 2 × dummy_input`, optionally signing the response the taonode way.
 */
export function honestDummyMiner(
  axonHotkey: string,
  options: { delayMs?: number; signer?: Signer } = {},
): AxonBehaviour {
  return (request, body, response) => {
    const headers = parseRequestHeaders(request.headersDistinct);
    verifyRequestSignature(headers, { ownHotkey: axonHotkey });
    const { synapse } = parseRequestBodyFor(Dummy, headers, body);
    synapse.dummy_output = (synapse.dummy_input ?? 0n) * 2n;
    const encoded = encodeSuccessResponse({
      definition: Dummy,
      synapse,
      processTimeSeconds: 0.001,
      signing:
        options.signer === undefined
          ? undefined
          : {
              signer: options.signer,
              axonNonce: BigInt(Date.now()) * 1_000_000n,
              axonUuid: 'fake-axon',
              request: { nonce: headers.dendrite.nonce, hotkey: headers.dendrite.hotkey, uuid: headers.dendrite.uuid },
            },
    });
    setTimeout(() => {
      response.writeHead(encoded.status, encoded.headers);
      response.end(encoded.body);
    }, options.delayMs ?? 0);
  };
}
