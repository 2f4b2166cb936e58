import type { EnvSource } from '@taonode/config';
import {
  type FakeMetagraphServer,
  type FakeNeuronInput,
  type LaunchedRedis,
  startFakeMetagraphServer,
  startRedisServer,
} from '@taonode/testing';
import { type DummyWorker, startDummyWorker } from './dummy-worker';
import { type RunningGateway, startGateway } from './gateway.app';

/** A gateway with everything it talks to: a private redis-server, a gRPC metagraph of subnet 1, a Dummy worker. */
export interface GatewayStack {
  readonly redis: LaunchedRedis;
  readonly metagraph: FakeMetagraphServer;
  readonly gateway: RunningGateway;
  readonly worker: DummyWorker;
  /** Stops what was started, last first; safe after a failed start. */
  stop(): Promise<void>;
}

/** Polls `/ready` until the gateway has its metagraph (it arrives over WatchMetagraph). */
export async function waitUntilReady(gateway: RunningGateway): Promise<void> {
  for (;;) {
    if ((await fetch(`${gateway.opsUrl}/ready`)).status === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the stack with `callers` registered on subnet 1 and the gateway configured by `env`; resolves once ready. */
export async function startGatewayStack(
  callers: readonly FakeNeuronInput[],
  env: EnvSource = {},
): Promise<GatewayStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.splice(0).reverse()) {
      await stopOne();
    }
  };
  try {
    const redis = await startRedisServer();
    stops.push(() => redis.stop());
    const metagraph = await startFakeMetagraphServer(1, callers);
    stops.push(() => metagraph.stop());
    const gateway = await startGateway({ redisUrl: redis.url, metagraphUrl: metagraph.url, env });
    stops.push(() => gateway.close());
    await waitUntilReady(gateway);
    const worker = startDummyWorker(redis.url);
    stops.push(() => worker.stop());
    return { redis, metagraph, gateway, worker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
