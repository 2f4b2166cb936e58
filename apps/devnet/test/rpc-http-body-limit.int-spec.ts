import { request as httpRequest } from 'node:http';
import { MAX_PAYLOAD_BYTES, RpcServer } from '../src/rpc/rpc-server';

interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `chunks` to the server over loopback; with `chunked`, no content-length is sent up front. */
function post(port: number, chunks: readonly Buffer[], chunked: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        headers: chunked
          ? { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
          : { 'content-type': 'application/json', 'content-length': total },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is written; the answer is what is asserted.
    req.on('error', (error) => reject(error));
    for (const chunk of chunks) {
      req.write(chunk);
    }
    req.end();
  });
}

const REQUEST_HEAD = '{"jsonrpc":"2.0","id":1,"method":"echo","params":["';
const REQUEST_TAIL = '"]}';
/** Length of the string parameter of {@link requestOfSize}, which `echo` answers with. */
const paddingOf = (size: number): number => size - REQUEST_HEAD.length - REQUEST_TAIL.length;

/** A JSON-RPC `echo` request whose body is `size` bytes long (padded inside its string parameter). */
function requestOfSize(size: number): Buffer {
  return Buffer.from(REQUEST_HEAD + 'x'.repeat(paddingOf(size)) + REQUEST_TAIL);
}

describe('the devnet JSON-RPC over HTTP bounds the request body like its websocket', () => {
  let server: RpcServer;
  let port: number;

  beforeAll(async () => {
    server = new RpcServer(new Map([['echo', (params: readonly unknown[]) => String(params[0]).length]]));
    port = await server.listen('127.0.0.1', 0);
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers a request of exactly the limit', async () => {
    const answer = await post(port, [requestOfSize(MAX_PAYLOAD_BYTES)], false);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 1, result: paddingOf(MAX_PAYLOAD_BYTES) });
  });

  it.each([
    ['declared by content-length', false],
    ['sent chunked, passing the limit mid-body', true],
  ])('refuses a body one byte over the limit (%s) with 413 and "Request is too big"', async (_label, chunked) => {
    const body = requestOfSize(MAX_PAYLOAD_BYTES + 1);
    const chunks = chunked ? [body.subarray(0, 1024 * 1024), body.subarray(1024 * 1024)] : [body];
    const answer = await post(port, chunks, chunked);
    expect(answer).toEqual({
      status: 413,
      body: {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32007, message: 'Request is too big', data: `Exceeded max limit of ${MAX_PAYLOAD_BYTES}` },
      },
    });
  });

  it('keeps serving after refusing one', async () => {
    const answer = await post(port, [Buffer.from('{"jsonrpc":"2.0","id":7,"method":"echo","params":["abc"]}')], false);
    expect(answer).toEqual({ status: 200, body: { jsonrpc: '2.0', id: 7, result: 3 } });
  });
});
