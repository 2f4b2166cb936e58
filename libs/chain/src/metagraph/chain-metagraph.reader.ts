import type { ApiPromise } from '@polkadot/api';
import { resolveBlock, type BlockRef } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { ChainFeatures } from '../client/chain-features';
import { SILENT_LOGGER, type ChainLogger } from '../client/chain-logger';
import { isChainError } from '../errors/chain.error';
import { NEURON_INFO_API } from '../runtime-api/subtensor-runtime-api.methods';
import { readMetagraphFromRuntimeApi } from './metagraph-runtime-api.reader';
import { readMetagraphFromStorage } from './metagraph-storage.reader';
import type { Metagraph, MetagraphReader, SubnetHyperparameters } from './metagraph.types';
import { assertSubnetExists, readSubnetHeader } from './subnet-storage';

/**
 * Where a metagraph is read from: `auto` = the runtime API when the runtime lists `NeuronInfoRuntimeApi`
 * (falling back to storage if its answer does not decode), storage otherwise. The other two force a path.
 */
export type MetagraphSource = 'auto' | 'runtime-api' | 'storage';

export interface MetagraphReaderOptions {
  readonly source?: MetagraphSource;
  /** Deadline of one whole read (all round trips), default the client's call deadline. */
  readonly timeoutMs?: number;
  readonly logger?: ChainLogger;
}

/** {@link MetagraphReader} over a {@link ChainClient}: every read happens at one explicit block hash. */
export class ChainMetagraphReader implements MetagraphReader {
  readonly #logger: ChainLogger;

  constructor(
    private readonly client: ChainClient,
    private readonly options: MetagraphReaderOptions = {},
  ) {
    this.#logger = options.logger ?? SILENT_LOGGER;
  }

  /**
   * The metagraph of `netuid` at `blockHash` (default: the finalized head). Fails with
   * `TAONODE_CHAIN_SUBNET_NOT_FOUND`, `TAONODE_CHAIN_BLOCK_NOT_FOUND`, or the client's transport codes.
   */
  async read(netuid: number, blockHash?: `0x${string}`): Promise<Metagraph> {
    return this.client.call(
      `read metagraph of subnet ${netuid}`,
      async (api) => this.readAt(api, netuid, await resolveBlock(api, blockHash)),
      this.options.timeoutMs,
    );
  }

  /** The subnet's hyperparameters at `blockHash` (default: the finalized head), from storage. */
  async readHyperparameters(netuid: number, blockHash?: `0x${string}`): Promise<SubnetHyperparameters> {
    return this.client.call(
      `read hyperparameters of subnet ${netuid}`,
      async (api) => {
        const block = await resolveBlock(api, blockHash);
        const header = await readSubnetHeader(api, block.hash, netuid, false);
        assertSubnetExists(header, netuid, block.hash);
        return header.hyperparameters;
      },
      this.options.timeoutMs,
    );
  }

  private async readAt(api: ApiPromise, netuid: number, block: BlockRef): Promise<Metagraph> {
    const source = this.options.source ?? 'auto';
    switch (source) {
      case 'storage':
        return readMetagraphFromStorage(api, netuid, block);
      case 'runtime-api':
        return readMetagraphFromRuntimeApi(api, netuid, block);
      case 'auto':
        if (!new ChainFeatures(api).hasRuntimeApi(NEURON_INFO_API.trait)) {
          return readMetagraphFromStorage(api, netuid, block);
        }
        try {
          return await readMetagraphFromRuntimeApi(api, netuid, block);
        } catch (error) {
          if (!isChainError(error, 'TAONODE_CHAIN_DECODE_ERROR')) {
            throw error;
          }
          this.#logger.warn({ netuid, error: error.message }, 'runtime api answer did not decode, reading storage');
          return readMetagraphFromStorage(api, netuid, block);
        }
    }
  }
}
