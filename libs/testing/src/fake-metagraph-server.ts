import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { GRPC_LOADER_OPTIONS } from '@taonode/grpc';
import { METAGRAPH_PROTO_FILE, type metagraphV1, PROTO_ROOT } from '@taonode/proto';

/** A neuron as the fake chain-sync announces it (everything else takes a neutral default). */
export interface FakeNeuronInput {
  readonly hotkey: string;
  readonly stakeRao?: bigint;
  readonly validatorPermit?: boolean;
  /** Served axon; omitted = never served (`0.0.0.0:0`). */
  readonly axon?: { readonly ip: string; readonly port: number };
}

export interface FakeMetagraphServer {
  readonly url: string;
  readonly port: number;
  /** Sends a new snapshot to every open watch (and to every later one). */
  publish(block: number, neurons: readonly FakeNeuronInput[]): void;
  /** Watches currently open. */
  readonly openWatches: number;
  stop(): Promise<void>;
}

interface ServiceDefinitionTree {
  taonode: { metagraph: { v1: { MetagraphService: { service: grpc.ServiceDefinition } } } };
}

function metagraphMessage(netuid: number, block: number, neurons: readonly FakeNeuronInput[]): unknown {
  const blockHash = `0x${block.toString(16).padStart(64, '0')}`;
  return {
    metagraph: {
      netuid,
      block: String(block),
      blockHash,
      n: neurons.length,
      neurons: neurons.map((neuron, uid) => ({
        uid,
        hotkey: neuron.hotkey,
        coldkey: neuron.hotkey,
        active: true,
        stakeRao: (neuron.stakeRao ?? 0n).toString(),
        validatorPermit: neuron.validatorPermit ?? false,
        axon: {
          block: String(block),
          version: 10002000,
          ip: neuron.axon?.ip ?? '0.0.0.0',
          port: neuron.axon?.port ?? 0,
          ipType: 4,
          protocol: 4,
          isServing: neuron.axon !== undefined,
        },
      })),
    } satisfies Partial<Record<keyof metagraphV1.Metagraph, unknown>>,
    freshness: { block: String(block), blockHash, stale: false, ageSeconds: 0, finalizedBlock: String(block) },
  };
}

/**
 * A small real gRPC MetagraphService over loopback standing in for chain-sync where a devnet would only slow a
 * test down: `WatchMetagraph` sends the latest snapshot at once and every published one after; streams stay open.
 * Give `port` to start again on the same address (a chain-sync restart).
 */
export async function startFakeMetagraphServer(
  netuid: number,
  neurons: readonly FakeNeuronInput[],
  options: { readonly port?: number; readonly block?: number } = {},
): Promise<FakeMetagraphServer> {
  const definition = loadSync(join(PROTO_ROOT, METAGRAPH_PROTO_FILE), GRPC_LOADER_OPTIONS);
  const tree = grpc.loadPackageDefinition(definition) as unknown as ServiceDefinitionTree;
  const server = new grpc.Server();
  const streams = new Set<grpc.ServerWritableStream<{ netuid: number }, unknown>>();
  let latest = metagraphMessage(netuid, options.block ?? 100, neurons);
  server.addService(tree.taonode.metagraph.v1.MetagraphService.service, {
    watchMetagraph: (call: grpc.ServerWritableStream<{ netuid: number }, unknown>) => {
      streams.add(call);
      call.on('cancelled', () => streams.delete(call));
      call.write(latest);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `127.0.0.1:${port}`,
    port,
    publish: (block, next) => {
      latest = metagraphMessage(netuid, block, next);
      for (const call of streams) {
        call.write(latest);
      }
    },
    get openWatches() {
      return streams.size;
    },
    stop: async () => {
      for (const call of streams) {
        call.end();
      }
      streams.clear();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      server.forceShutdown();
    },
  };
}
