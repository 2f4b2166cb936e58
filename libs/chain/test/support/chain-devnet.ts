import { useDevnetSuite, type DevnetSuite } from '@taonode/testing';
import { ChainClient, ExtrinsicSubmitter } from '../../src';

/** A chain suite's client of its devnet and the one submitter (it keeps the nonces) its tests share. */
interface ChainSession {
  readonly client: ChainClient;
  readonly submitter: ExtrinsicSubmitter;
  disconnect(): Promise<void>;
}

/** The devnet, client and submitter of a chain suite. */
export type ChainDevnet = DevnetSuite<ChainSession>;

/**
 * The libs/testing devnet suite with a ChainClient connected to it: call in a `describe`, read the result in
 * its hooks and tests.
 */
export function useChainDevnet(genesis: object, metadata?: string): ChainDevnet {
  return useDevnetSuite<ChainSession>({
    genesis,
    metadata,
    connect: async ({ url }) => {
      const client = await ChainClient.connect({ chainEndpoint: url });
      return { client, submitter: new ExtrinsicSubmitter(client), disconnect: () => client.disconnect() };
    },
  });
}
