import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { GRPC_LOADER_OPTIONS } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, PROTO_ROOT } from '@taonode/proto';

/** A neuron as the fake chain-sync announces it. */
export interface FakeNeuron {
  readonly hotkey: string;
  readonly stakeRao: bigint;
  readonly validatorPermit: boolean;
}

export interface FakeMetagraphServer {
  readonly url: string;
  stop(): Promise<void>;
}

interface ServiceDefinitionTree {
  taonode: { metagraph: { v1: { MetagraphService: { service: grpc.ServiceDefinition } } } };
}

/**
 * A small real gRPC MetagraphService over loopback that streams one metagraph on WatchMetagraph and keeps the stream
 * open, standing in for chain-sync where a devnet would only slow the gateway tests down.
 */
export async function startFakeMetagraphServer(
  netuid: number,
  neurons: readonly FakeNeuron[],
): Promise<FakeMetagraphServer> {
  const definition = loadSync(join(PROTO_ROOT, METAGRAPH_PROTO_FILE), GRPC_LOADER_OPTIONS);
  const tree = grpc.loadPackageDefinition(definition) as unknown as ServiceDefinitionTree;
  const server = new grpc.Server();
  const streams = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  server.addService(tree.taonode.metagraph.v1.MetagraphService.service, {
    watchMetagraph: (call: grpc.ServerWritableStream<{ netuid: number }, unknown>) => {
      streams.add(call);
      call.on('cancelled', () => streams.delete(call));
      call.write({
        metagraph: {
          netuid,
          block: '100',
          blockHash: `0x${'ab'.repeat(32)}`,
          n: neurons.length,
          neurons: neurons.map((neuron, uid) => ({
            uid,
            hotkey: neuron.hotkey,
            coldkey: neuron.hotkey,
            stakeRao: neuron.stakeRao.toString(),
            validatorPermit: neuron.validatorPermit,
          })),
        },
        freshness: {
          block: '100',
          blockHash: `0x${'ab'.repeat(32)}`,
          stale: false,
          ageSeconds: 0,
          finalizedBlock: '100',
        },
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `127.0.0.1:${port}`,
    stop: async () => {
      for (const call of streams) {
        call.end();
      }
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      server.forceShutdown();
    },
  };
}
