import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG } from '@taonode/config';
import type { GatewayConfig } from '../config';
import { GatewayMetricsRepository } from '../gateway-metrics.repository';
import { clientAddressKey } from '../limits/client-address';
import { ConnectionGuard } from '../limits/connection-guard';
import { connectionCapWithin, openFileSoftLimit } from '../limits/open-file-limit';
import type { AxonAnswer } from './axon-answer';
import { type AdmittedRequest, AxonRequestService } from './axon-request.service';

/** Why a body could not be read: too large (answered 413), or the client went away (nothing to answer). */
type BodyOutcome = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly tooLarge: boolean };

/**
 * Reads a request body up to `limit` bytes. A `content-length` over the limit is refused before a byte is read;
 * a body that grows past it is refused as soon as it does.
 */
function readBody(request: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > limit) {
        request.off('data', onData);
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () =>
      resolve({ ok: true, body: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks) }),
    );
    request.once('error', () => resolve({ ok: false, tooLarge: false }));
    request.once('aborted', () => resolve({ ok: false, tooLarge: false }));
  });
}

/**
 * The axon's HTTP transport: the gateway's port serves the axon protocol and nothing else (health and metrics
 * live on the ops server), so it takes the node:http server's `request` event from Fastify and runs the pipeline
 * as plain functions. Every path and method goes to the one handler, as in the Python axon (whose middleware sees
 * every request before routing). The head checks run before a byte of the body is read; bodies are taken raw (the
 * protocol parser reads them losslessly). Fastify's routing, hooks, reply and Nest's middleware runner cost more
 * CPU per request than the checks they would carry, at thousands of requests a second.
 */
@Injectable()
export class AxonHttpServer implements OnModuleInit {
  private readonly logger = new Logger(AxonHttpServer.name);
  private readonly connections: ConnectionGuard<Socket>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly axon: AxonRequestService,
    private readonly metrics: GatewayMetricsRepository,
  ) {
    const { maxConnections, maxConnectionsPerIp } = config.http;
    const softLimit = openFileSoftLimit();
    const maxTotal = connectionCapWithin(maxConnections, softLimit);
    if (maxTotal < maxConnections) {
      this.logger.warn(
        `AXON_MAX_CONNECTIONS ${maxConnections} lowered to ${maxTotal}: this process may open ${String(softLimit)} ` +
          'files (Node raises its soft limit to the hard one, ulimit -Hn); raise the hard limit to hold more ' +
          '(LimitNOFILE= under systemd, ulimits: nofile in compose, nofile in /etc/security/limits.conf)',
      );
    }
    this.connections = new ConnectionGuard({ maxPerIp: maxConnectionsPerIp, maxTotal });
  }

  onModuleInit(): void {
    const { http } = this.config;
    // Slow clients: the whole head within headersTimeout, the whole request within requestTimeout (Node answers
    // 408 and closes); each connection is its own, so a dribbling client holds one socket and starves nobody.
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.headersTimeout = http.headersTimeoutMs;
    server.requestTimeout = http.requestTimeoutMs;
    server.keepAliveTimeout = http.keepAliveTimeoutMs;
    // Connections that send nothing cost no request, so the rate limiter never sees them: cap them per client
    // address and in all. At either cap the newcomer takes the place of an unproven connection (ConnectionGuard),
    // so hogs from one address or from many cannot lock a validator out.
    server.on('connection', (socket: Socket) => {
      const ip = clientAddressKey(socket.remoteAddress ?? '');
      const admission = this.connections.tryOpen(ip, socket);
      if (!admission.accepted) {
        this.metrics.connectionRefused(admission.reason);
        socket.destroy();
        return;
      }
      if (admission.evicted !== undefined) {
        this.metrics.connectionEvicted();
        admission.evicted.destroy();
      }
      socket.once('close', () => this.connections.closed(ip, socket));
    });
    // Fastify keeps its `clientError` answers (malformed heads, 431); requests are ours alone.
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => this.handle(request, response));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const { socket } = request;
    const peerIp = socket.remoteAddress ?? '';
    const ip = clientAddressKey(peerIp);
    this.connections.requestStarted(ip, socket);
    const admission = this.axon.admit({
      url: request.url ?? '/',
      headers: request.headers,
      peer: { ip: peerIp, port: socket.remotePort ?? 0 },
      clientKey: ip,
      provenHotkey: this.connections.provenHotkey(ip, socket),
    });
    // 'close' comes after the answer is written and when the client goes away first: the in-flight slot is freed
    // either way, and a connection that carried a verified answer is kept when its address holds its share.
    response.once('close', () => {
      let verifiedHotkey: string | null = null;
      if (admission.admitted) {
        admission.request.release();
        if (response.statusCode === 200 && response.writableFinished) {
          verifiedHotkey = admission.request.headers.dendrite.hotkey;
        }
      }
      this.connections.requestEnded(ip, socket, verifiedHotkey);
    });
    if (!admission.admitted) {
      // The body is never parsed: Node discards what is left of it once the answer is written and keeps the
      // connection (a shed or refused caller's next request needs no new connection).
      this.sendSafely(response, admission.answer, false);
      return;
    }
    this.answer(request, response, admission.request).catch((error: unknown) => this.failed(response, error));
  }

  private sendSafely(response: ServerResponse, answer: AxonAnswer, close: boolean): void {
    try {
      this.send(response, answer, { close });
    } catch (error) {
      this.failed(response, error);
    }
  }

  /** A bug past the protocol's own error answers (e.g. a header value Node refuses): 500 if nothing was sent yet. */
  private failed(response: ServerResponse, error: unknown): void {
    this.logger.error({ err: error }, 'answer could not be written');
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    const body = JSON.stringify({ message: 'Internal Server Error' });
    response.writeHead(500, {
      bt_header_axon_status_code: '500',
      bt_header_axon_status_message: 'Internal Server Error',
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  }

  private async answer(request: IncomingMessage, response: ServerResponse, admitted: AdmittedRequest): Promise<void> {
    const read = await readBody(request, this.config.http.maxBodyBytes);
    if (!read.ok) {
      if (read.tooLarge) {
        this.send(response, this.axon.bodyRejected(admitted, 413, 'Payload Too Large'), { close: true });
      }
      return;
    }
    this.send(response, await this.axon.answer(admitted, read.body), { close: false });
  }

  private send(response: ServerResponse, answer: AxonAnswer, options: { readonly close: boolean }): void {
    if (response.destroyed) {
      return;
    }
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...answer.headers };
    if (options.close) {
      headers.connection = 'close';
    }
    switch (answer.kind) {
      case 'whole': {
        headers['content-length'] = Buffer.byteLength(answer.body, 'utf8');
        response.writeHead(answer.status, headers);
        // Node writes a string body in one write with the head, which it then encodes as UTF-8 too; a head with
        // latin-1 text beyond ASCII must stay one byte per character, so that answer takes the Buffer path (writev).
        response.end(asciiOnly(answer.headers) ? answer.body : Buffer.from(answer.body, 'utf8'));
        return;
      }
      case 'stream':
        // Chunked transfer, each chunk written as the worker produced it (no buffering in the gateway). A stream
        // that fails midway ends the connection, as the Python axon's does.
        response.writeHead(answer.status, headers);
        pipeline(Readable.from(answer.chunks, { objectMode: false }), response).catch((error: unknown) =>
          this.logger.debug({ err: error }, 'stream ended early'),
        );
        return;
    }
  }
}

/** Any character past 7-bit ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;

function asciiOnly(headers: Readonly<Record<string, string>>): boolean {
  for (const value of Object.values(headers)) {
    if (NON_ASCII.test(value)) {
      return false;
    }
  }
  return true;
}
