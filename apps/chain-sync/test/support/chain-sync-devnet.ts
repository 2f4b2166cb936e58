import { firstValueFrom } from 'rxjs';
import { ChainClient } from '@taonode/chain';
import type { EnvSource } from '@taonode/config';
import {
  aliceOwnedGenesis,
  startRedisServer,
  useDevnetSuite,
  type DevnetSuite,
  type LaunchedDevnet,
  type LaunchedRedis,
} from '@taonode/testing';
import type { Clock } from '../../src/ports/clock.port';
import { type RunningChainSync, startChainSync } from './chain-sync.app';
import { waitFor } from './wait-for';

/** //Bob//hot's alpha stake at genesis. */
export const GENESIS_STAKE_RAO = 5_000_000_000n;
/** Generous: cold swc compilation of the devnet while chain-sync compiles too. */
export const DEVNET_START_TIMEOUT_MS = 90_000;
/** Redis, the devnet and chain-sync started one after the other on a busy machine. */
const SUITE_START_TIMEOUT_MS = 180_000;

export interface ChainSyncGenesisOptions {
  /** Names the chain, so a failing suite's devnet is told apart from another's. */
  readonly chainName: string;
  /** Subnet 1's hyperparameters. */
  readonly hyperparameters: Readonly<Record<string, unknown>>;
  /** Funded accounts besides //Alice and //Bob. */
  readonly balances?: readonly (readonly [uri: string, rao: string])[];
}

/** Subnet 1 owned by //Alice, with //Bob's two neurons: //Bob//hot staked, //Bob//hot2 not. */
export function chainSyncGenesis(options: ChainSyncGenesisOptions): object {
  return {
    chainName: options.chainName,
    ...aliceOwnedGenesis({
      balances: [['//Bob', '1000000000000000'], ...(options.balances ?? [])],
      subnets: [
        {
          netuid: 1,
          hyperparameters: options.hyperparameters,
          neurons: [
            { hotkey: '//Bob//hot', coldkey: '//Bob', stake: GENESIS_STAKE_RAO.toString() },
            { hotkey: '//Bob//hot2', coldkey: '//Bob' },
          ],
        },
      ],
    }),
  };
}

export interface ChainSyncOnDevnetOptions {
  readonly genesis: object;
  /** The devnet's runtime metadata (see `devnetRuntimes()`). */
  readonly metadata: string | undefined;
  /** chain-sync's environment besides the devnet's endpoint, subnet 1 and a 10 s call timeout. */
  readonly env?: EnvSource;
  /** chain-sync's clock (see `startChainSync`); the wall clock when absent. */
  readonly clock?: Clock;
}

/** A synced block: what chain-sync serves as its head and metagraph. */
export interface SyncedBlock {
  readonly hash: `0x${string}`;
  readonly number: number;
}

/** Redis, chain-sync syncing subnet 1 from the suite's devnet, and a client of the devnet. */
interface ChainSyncSession {
  readonly redis: LaunchedRedis;
  readonly service: RunningChainSync;
  /** A client of the same devnet, to read the chain as the tests' reference. */
  readonly client: ChainClient;
  /** Builds a block and waits until chain-sync serves it as its head and subnet 1's metagraph. */
  nextSyncedBlock(): Promise<SyncedBlock>;
  disconnect(): Promise<void>;
}

/** The devnet (manual blocks), redis, chain-sync and a client of a chain-sync suite. */
export type ChainSyncOnDevnet = DevnetSuite<ChainSyncSession>;

/**
 * Registers, in the calling `describe`, the start of a devnet from `genesis` (no blocks built), a redis-server and
 * chain-sync syncing subnet 1 from the devnet, with a client of the devnet, and their stop after the suite. Read
 * the result in hooks and tests.
 */
export function useChainSyncOnDevnet(options: ChainSyncOnDevnetOptions): ChainSyncOnDevnet {
  return useDevnetSuite<ChainSyncSession>({
    genesis: options.genesis,
    metadata: options.metadata,
    warmUpBlocks: 0,
    startTimeoutMs: DEVNET_START_TIMEOUT_MS,
    setUpTimeoutMs: SUITE_START_TIMEOUT_MS,
    connect: (devnet) => startChainSyncStack(devnet, options.env, options.clock),
  });
}

/** Redis, chain-sync on `devnet`, and a client of it; stopped in reverse, also when one of them fails to start. */
async function startChainSyncStack(
  devnet: LaunchedDevnet,
  env: EnvSource | undefined,
  clock: Clock | undefined,
): Promise<ChainSyncSession> {
  const stops: (() => Promise<void>)[] = [];
  const disconnect = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop();
    }
  };
  try {
    const redis = await startRedisServer();
    stops.push(() => redis.stop());
    const service = await startChainSync({
      redisUrl: redis.url,
      env: { SUBTENSOR_CHAIN_ENDPOINT: devnet.url, NETUIDS: '1', CHAIN_SYNC_CALL_TIMEOUT_MS: '10000', ...env },
      clock,
    });
    stops.push(() => service.close());
    const client = await ChainClient.connect({ chainEndpoint: devnet.url });
    stops.push(() => client.disconnect());
    const nextSyncedBlock = async (): Promise<SyncedBlock> => {
      const hash = (await devnet.newBlock()) as `0x${string}`;
      return waitFor(`chain-sync to sync ${hash}`, async () => {
        const head = await firstValueFrom(service.client.getHead({}));
        const snapshot = await firstValueFrom(service.client.getMetagraph({ netuid: 1 })).catch(() => undefined);
        return head.blockHash === hash && snapshot?.metagraph?.blockHash === hash
          ? { hash, number: Number(head.block) }
          : undefined;
      });
    };
    return { redis, service, client, nextSyncedBlock, disconnect };
  } catch (error) {
    await disconnect();
    throw error;
  }
}
