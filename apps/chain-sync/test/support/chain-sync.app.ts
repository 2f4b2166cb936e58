import type { INestMicroservice } from '@nestjs/common';
import type { AsyncMicroserviceOptions, ClientGrpc } from '@nestjs/microservices';
import { ClientProxyFactory } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import type { EnvSource } from '@taonode/config';
import { type Deadlined, grpcClientOptions } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, metagraphV1 } from '@taonode/proto';
import { startService } from '@taonode/service';
import { freePort } from '@taonode/testing';
import { AppModule } from '../../src/app.module';
import { metagraphGrpcServer } from '../../src/grpc/metagraph-grpc.options';
import { CLOCK, type Clock } from '../../src/ports/clock.port';
import { FINALIZED_HEAD_SOURCE, type FinalizedHeadSource } from '../../src/ports/finalized-head-source.port';
import { METAGRAPH_READER } from '../../src/ports/metagraph-reader.port';
import { ChainSyncService } from '../../src/sync/chain-sync.service';

export interface RunningChainSync {
  readonly app: INestMicroservice;
  readonly client: Deadlined<metagraphV1.MetagraphServiceClient>;
  readonly grpcUrl: string;
  readonly opsUrl: string;
  readonly sync: ChainSyncService;
  close(): Promise<void>;
}

export interface ChainSyncAppOptions {
  readonly redisUrl: string;
  /** Replaces the real chain adapter (both ports) when given. */
  readonly chain?: FinalizedHeadSource & { read: unknown };
  readonly env?: EnvSource;
  /**
   * Replaces the wall clock behind health and freshness (e.g. a {@link FakeClock}), so a test decides when the head
   * counts as stalled instead of racing a short health window on a busy machine.
   */
  readonly clock?: Clock;
}

/**
 * chain-sync as `main.ts` starts it (same module and `startService` sequence: gRPC and ops servers, over loopback), plus a NestJS gRPC
 * client of MetagraphService like the other services use.
 */
export async function startChainSync(options: ChainSyncAppOptions): Promise<RunningChainSync> {
  const grpcPort = await freePort();
  const env: EnvSource = {
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: options.redisUrl,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(grpcPort),
    OPS_HOST: '127.0.0.1',
    OPS_PORT: '0',
    ...options.env,
  };
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot({ env })] });
  if (options.chain !== undefined) {
    builder = builder
      .overrideProvider(FINALIZED_HEAD_SOURCE)
      .useValue(options.chain)
      .overrideProvider(METAGRAPH_READER)
      .useValue(options.chain);
  }
  if (options.clock !== undefined) {
    builder = builder.overrideProvider(CLOCK).useValue(options.clock);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestMicroservice<AsyncMicroserviceOptions>(metagraphGrpcServer);
  const { opsPort } = await startService(app, (started) => started.listen());

  const grpcUrl = `127.0.0.1:${grpcPort}`;
  const proxy = ClientProxyFactory.create(
    grpcClientOptions({
      url: grpcUrl,
      packageName: metagraphV1.TAONODE_METAGRAPH_V1_PACKAGE_NAME,
      protoFile: METAGRAPH_PROTO_FILE,
    }),
  ) as unknown as ClientGrpc & { close(): void };
  let closed = false;
  const client = proxy.getService<Deadlined<metagraphV1.MetagraphServiceClient>>(metagraphV1.METAGRAPH_SERVICE_NAME);
  return {
    app,
    client,
    grpcUrl,
    opsUrl: `http://127.0.0.1:${opsPort}`,
    sync: app.get(ChainSyncService),
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      proxy.close();
      await app.close();
    },
  };
}
