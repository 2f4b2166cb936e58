import { useDevnetSuite, type LaunchedDevnet } from '@taonode/testing';
import { ChainClient, ExtrinsicSubmitter } from '../../src';

/** A chain suite's devnet with the client and the one submitter (it keeps the nonces) its tests share. */
export interface ChainDevnet {
  readonly devnet: LaunchedDevnet;
  readonly client: ChainClient;
  readonly submitter: ExtrinsicSubmitter;
}

/**
 * The libs/testing devnet suite with a ChainClient connected to it: call in a `describe`, read the result in
 * its hooks and tests.
 */
export function useChainDevnet(genesis: object, metadata?: string): ChainDevnet {
  const suite = useDevnetSuite({
    genesis,
    metadata,
    connect: async (url) => {
      const client = await ChainClient.connect({ chainEndpoint: url });
      return { client, submitter: new ExtrinsicSubmitter(client), disconnect: () => client.disconnect() };
    },
  });
  return {
    get devnet() {
      return suite.devnet;
    },
    get client() {
      return suite.session.client;
    },
    get submitter() {
      return suite.session.submitter;
    },
  };
}
