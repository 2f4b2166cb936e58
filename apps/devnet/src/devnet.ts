import { BlockTimer } from './chain/block-timer';
import { Chain } from './chain/chain';
import { buildGenesis } from './genesis/genesis-builder';
import { loadGenesisConfig, withCommitReveal, type GenesisConfig } from './genesis/genesis-config';
import { devnetBeacon } from './pallets/drand';
import { createRpcMethods } from './rpc/rpc-methods';
import { RpcServer } from './rpc/rpc-server';
import { createDevnetRuntime } from './runtime/devnet-runtime';
import { readMetadataFile } from './runtime/metadata-source';
import { runtimeMetadataFromBytes } from './runtime/runtime-metadata';
import type { Hex } from './state/block-state';

export interface DevnetOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Interval of timer-driven blocks; ignored when `manual`. */
  readonly blockTimeMs?: number;
  /** Blocks only on `dev_newBlock`. */
  readonly manual?: boolean;
  /** Genesis file path, or an already parsed genesis. */
  readonly genesis?: string | GenesisConfig;
  /** Finalized head trails best by this many blocks (default 0: instant finality). */
  readonly finalityLag?: number;
  /** How many recent blocks keep their state for `at` queries (default 256, like a pruned node). */
  readonly stateRetention?: number;
  /** How many recent blocks keep header and body (default 16 384). */
  readonly blockRetention?: number;
  /**
   * Delay between a block's `inBlock` and its `finalized` notifications (default 100 ms). @polkadot/api
   * drops the InBlock status if `finalized` arrives before it has fetched the block's events (switchMap).
   */
  readonly finalityDelayMs?: number;
  /**
   * A `RuntimeMetadataPrefixed` file (V14–V16, SCALE bytes or `0x` hex) to serve instead of the default
   * spec-233 metadata; what the devnet offers follows it (calls, storage, events, errors, runtime version).
   */
  readonly metadataFile?: string;
  /** Overrides `commitRevealWeightsEnabled` of every genesis subnet (default: as the genesis says). */
  readonly commitReveal?: boolean;
}

export interface RunningDevnet {
  readonly url: string;
  readonly port: number;
  readonly chain: Chain;
  /** `node-subtensor spec 424 (metadata V16)`: what runtime this devnet serves. */
  readonly runtimeLabel: string;
  /** Builds `count` blocks now; resolves with the last one's hash. */
  newBlock(count?: number): Promise<Hex>;
  stop(): Promise<void>;
}

export const DEFAULT_BLOCK_TIME_MS = 12_000;

/** Starts the simulated subtensor: runtime, genesis, chain, block timer (unless manual) and RPC server. */
export async function startDevnet(options: DevnetOptions = {}): Promise<RunningDevnet> {
  const loadedGenesis =
    typeof options.genesis === 'object' ? options.genesis : loadGenesisConfig(options.genesis ?? undefined);
  const genesisConfig =
    options.commitReveal === undefined ? loadedGenesis : withCommitReveal(loadedGenesis, options.commitReveal);
  const drandBeacon = devnetBeacon(genesisConfig.drand?.beaconSeed);
  const runtime = createDevnetRuntime(
    options.metadataFile ? runtimeMetadataFromBytes(readMetadataFile(options.metadataFile)) : undefined,
    { drandBeacon },
  );
  const chain = new Chain(
    runtime.metadata,
    runtime.builder,
    runtime.validator,
    buildGenesis(runtime.metadata, runtime.version, genesisConfig, drandBeacon),
    {
      finalityLag: options.finalityLag ?? 0,
      stateRetention: options.stateRetention ?? 256,
      blockRetention: options.blockRetention ?? 16_384,
      finalityDelayMs: options.finalityDelayMs ?? 100,
    },
  );
  const server = new RpcServer(createRpcMethods({ chain, runtime, genesis: genesisConfig }));
  const host = options.host ?? '127.0.0.1';
  const port = await server.listen(host, options.port ?? 9944);
  const timer = options.manual ? undefined : new BlockTimer(chain, options.blockTimeMs ?? DEFAULT_BLOCK_TIME_MS);
  timer?.start();
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    chain,
    runtimeLabel: `${runtime.version.json.specName} spec ${runtime.version.specVersion} (metadata V${runtime.metadata.metadata.version})`,
    newBlock: async (count = 1) => {
      const blocks = await chain.produceBlocks(count);
      return blocks[blocks.length - 1]?.hash ?? chain.best.hash;
    },
    stop: async () => {
      timer?.stop();
      await server.close();
      await chain.close();
    },
  };
}
