import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { RpcConnection } from './rpc-connection';
import { RpcError, RpcErrorCode, methodNotFound } from './rpc-error';

/** A JSON-RPC method: positional params in, a JSON-serialisable result (or a promise of one) out. */
export type RpcHandler = (params: readonly unknown[], connection: RpcConnection) => unknown;

interface JsonRpcRequest {
  readonly jsonrpc?: unknown;
  readonly id?: unknown;
  readonly method?: unknown;
  readonly params?: unknown;
}

/** Largest accepted request over websocket and HTTP (an extrinsic carrying a runtime upgrade would be a few MB). */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

/** jsonrpsee's answer to an oversized request (HTTP 413 with this JSON-RPC error, as a substrate node sends). */
const OVERSIZED_REQUEST_CODE = -32007;

/**
 * JSON-RPC 2.0 over websocket (with subscriptions) and over HTTP POST on the same port, like a substrate node
 * on 9944. Errors use substrate's codes and shapes (see rpc-error.ts); unexpected exceptions become -32603
 * and are logged to stderr.
 */
export class RpcServer {
  private readonly http: Server;
  private readonly ws: WebSocketServer;
  private readonly connections = new Set<RpcConnection>();

  constructor(private readonly methods: ReadonlyMap<string, RpcHandler>) {
    this.http = createServer((request, response) => this.handleHttp(request, response));
    this.ws = new WebSocketServer({ server: this.http, maxPayload: MAX_PAYLOAD_BYTES });
    this.ws.on('connection', (socket) => this.handleSocket(socket));
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        resolve((this.http.address() as AddressInfo).port);
      });
    });
  }

  async close(): Promise<void> {
    for (const connection of this.connections) {
      connection.close();
    }
    for (const client of this.ws.clients) {
      client.terminate();
    }
    await new Promise<void>((resolve) => this.ws.close(() => resolve()));
    await new Promise<void>((resolve, reject) => this.http.close((error) => (error ? reject(error) : resolve())));
  }

  private handleSocket(socket: WebSocket): void {
    const send = (message: object): void => {
      if (socket.readyState === socket.OPEN) {
        socket.send(JSON.stringify(message));
      }
    };
    const connection = new RpcConnection(send, true);
    this.connections.add(connection);
    socket.on('message', (data) => {
      void this.handleText(messageText(data), connection).then((reply) => {
        if (reply === undefined) {
          return;
        }
        send(reply);
        for (const response of Array.isArray(reply) ? reply : [reply]) {
          connection.activate((response as { result?: unknown }).result);
        }
      });
    });
    socket.on('close', () => {
      connection.close();
      this.connections.delete(connection);
    });
    socket.on('error', (error) => process.stderr.write(`devnet rpc: socket error: ${error.message}\n`));
  }

  private handleHttp(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > MAX_PAYLOAD_BYTES) {
      rejectOversized(request, response);
      return;
    }
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    const collect = (chunk: Buffer): void => {
      receivedBytes += chunk.length;
      if (receivedBytes > MAX_PAYLOAD_BYTES) {
        // A chunked body gives no length up front: stop buffering the moment it passes the limit.
        request.off('data', collect);
        request.off('end', answer);
        chunks.length = 0;
        rejectOversized(request, response);
        return;
      }
      chunks.push(chunk);
    };
    const answer = (): void => {
      const connection = new RpcConnection(() => undefined, false);
      void this.handleText(Buffer.concat(chunks).toString('utf8'), connection).then((reply) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply ?? null));
      });
    };
    request.on('data', collect);
    request.on('end', answer);
  }

  /** Parses and answers one message (a request or a batch); undefined when nothing is to be sent back. */
  private async handleText(text: string, connection: RpcConnection): Promise<object | object[] | undefined> {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      // Not JSON at all: the JSON-RPC answer is a parse error with a null id.
      return errorResponse(null, new RpcError(RpcErrorCode.ParseError, 'Parse error'));
    }
    if (Array.isArray(message)) {
      if (message.length === 0) {
        return errorResponse(null, new RpcError(RpcErrorCode.InvalidRequest, 'Invalid request'));
      }
      const replies = await Promise.all(message.map((item) => this.handleRequest(item, connection)));
      const present = replies.filter((reply): reply is object => reply !== undefined);
      return present.length > 0 ? present : undefined;
    }
    return this.handleRequest(message, connection);
  }

  private async handleRequest(message: unknown, connection: RpcConnection): Promise<object | undefined> {
    const request = (typeof message === 'object' && message !== null ? message : {}) as JsonRpcRequest;
    const id = request.id ?? null;
    if (request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
      return errorResponse(id, new RpcError(RpcErrorCode.InvalidRequest, 'Invalid request'));
    }
    const handler = this.methods.get(request.method);
    const params = Array.isArray(request.params) ? request.params : request.params === undefined ? [] : undefined;
    let reply: object;
    if (!handler) {
      reply = errorResponse(id, methodNotFound());
    } else if (!params) {
      reply = errorResponse(
        id,
        new RpcError(RpcErrorCode.InvalidParams, 'Invalid params', 'expected positional params'),
      );
    } else {
      try {
        const result: unknown = await handler(params, connection);
        reply = { jsonrpc: '2.0', id, result: result === undefined ? null : result };
      } catch (error) {
        if (!(error instanceof RpcError)) {
          process.stderr.write(
            `devnet rpc: ${request.method} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
          );
        }
        reply = errorResponse(
          id,
          error instanceof RpcError ? error : new RpcError(RpcErrorCode.InternalError, 'Internal error', String(error)),
        );
      }
    }
    // Requests without an id are notifications: no answer.
    return request.id === undefined ? undefined : reply;
  }
}

/**
 * Answers 413 with jsonrpsee's "Request is too big" error and closes the connection; the rest of the body is read
 * and dropped (never buffered) so the client sees the answer rather than a reset.
 */
function rejectOversized(request: IncomingMessage, response: ServerResponse): void {
  const error = new RpcError(
    OVERSIZED_REQUEST_CODE,
    'Request is too big',
    `Exceeded max limit of ${MAX_PAYLOAD_BYTES}`,
  );
  response
    .writeHead(413, { 'content-type': 'application/json', connection: 'close' })
    .end(JSON.stringify(errorResponse(null, error)));
  request.resume();
}

function errorResponse(id: unknown, error: RpcError): object {
  return { jsonrpc: '2.0', id, error: error.toJSON() };
}

/** A websocket message's text, whatever buffer shape `ws` delivered it in. */
function messageText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
