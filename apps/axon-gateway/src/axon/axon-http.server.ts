import type { Server } from 'node:http';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '@taonode/config';
import type { GatewayConfig } from '../config';
import type { AxonAnswer } from './axon-answer';
import { type AdmittedRequest, AxonRequestService } from './axon-request.service';

const ADMITTED = Symbol('axon-admitted');

type AxonFastifyRequest = FastifyRequest & { [ADMITTED]?: AdmittedRequest };

function send(reply: FastifyReply, answer: AxonAnswer): FastifyReply {
  reply.code(answer.status).headers(answer.headers);
  switch (answer.kind) {
    case 'whole':
      // A Buffer, so Fastify leaves `content-type: application/json` exactly as the Python axon sends it.
      return reply.send(Buffer.from(answer.body, 'utf8'));
    case 'stream':
      // Chunked transfer, each chunk written as the worker produced it (no buffering in the gateway).
      return reply.send(Readable.from(answer.chunks, { objectMode: false }));
  }
}

/**
 * The axon's HTTP transport on the Fastify instance Nest runs: every path and method goes to one route, as in the
 * Python axon (whose middleware sees every request before routing). Bodies are taken raw (the protocol parser reads
 * them losslessly); the head checks run in `onRequest`, before Fastify reads the body.
 */
@Injectable()
export class AxonHttpServer implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly axon: AxonRequestService,
  ) {}

  onModuleInit(): void {
    const { http } = this.config;
    // Slow clients: the whole head within headersTimeout, the whole request within requestTimeout (Node answers
    // 408 and closes); each connection is its own, so a dribbling client holds one socket and starves nobody.
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.headersTimeout = http.headersTimeoutMs;
    server.requestTimeout = http.requestTimeoutMs;
    server.keepAliveTimeout = http.keepAliveTimeoutMs;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: http.maxBodyBytes }, (_request, body, done) =>
      done(null, body),
    );
    fastify.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      onRequest: async (request: AxonFastifyRequest, reply) => {
        const admission = this.axon.admit({
          url: request.raw.url ?? '/',
          headers: request.headers,
          peer: { ip: request.socket.remoteAddress ?? '', port: request.socket.remotePort ?? 0 },
        });
        if (!admission.admitted) {
          return send(reply, admission.answer);
        }
        request[ADMITTED] = admission.request;
        return undefined;
      },
      onResponse: async (request: AxonFastifyRequest) => {
        request[ADMITTED]?.release();
        return Promise.resolve();
      },
      onRequestAbort: async (request: AxonFastifyRequest) => {
        request[ADMITTED]?.release();
        return Promise.resolve();
      },
      errorHandler: (error: FastifyError, request: AxonFastifyRequest, reply) => {
        const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
        const message = status === 413 ? 'Payload Too Large' : status === 500 ? 'Internal Server Error' : error.message;
        send(reply, this.axon.bodyRejected(request[ADMITTED], status, message));
      },
      handler: async (request: AxonFastifyRequest, reply) => {
        const admitted = request[ADMITTED];
        if (admitted === undefined) {
          return reply;
        }
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return send(reply, await this.axon.answer(admitted, body));
      },
    });
  }
}
