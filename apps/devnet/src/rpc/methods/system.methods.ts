import { u8aToHex } from '@polkadot/util';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import { decodeExtrinsic } from '../../extrinsic/decoded-extrinsic';
import { dryRun } from '../../extrinsic/dry-run';
import { readAccount } from '../../pallets/balances/account-info';
import type { NodeContext, RpcMethodTable } from '../node-context';
import { invalidParams } from '../rpc-error';
import { optionalBlockHash, stringParam } from '../rpc-params';
import { authorError } from './author.methods';

/** What `system_name`/`system_version` report: the real node's implementation name, our version. */
const NODE_NAME = 'Subtensor Node';
const NODE_VERSION = '4.0.0-dev-taonode-devnet';
/** A fixed, well-formed libp2p peer id: the devnet has no network, but clients may display it. */
const LOCAL_PEER_ID = '12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN';

/**
 * `system_*`: node identity and properties, health (no peers, never syncing), pool-aware next nonce, and
 * `system_dryRun` (an unsafe method on real nodes; the localnet image enables unsafe RPCs).
 */
export function systemMethods(context: NodeContext): RpcMethodTable {
  const { chain, genesis } = context;
  return {
    system_name: () => NODE_NAME,
    system_version: () => NODE_VERSION,
    system_chain: () => genesis.chainName,
    system_chainType: () => genesis.chainType,
    system_properties: () => genesis.properties,
    system_health: () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }),
    system_localPeerId: () => LOCAL_PEER_ID,
    system_localListenAddresses: () => [],
    system_peers: () => [],
    system_nodeRoles: () => ['Authority'],
    system_syncState: () => ({ startingBlock: 0, currentBlock: chain.best.number, highestBlock: chain.best.number }),
    system_dryRun: (params) => {
      let decoded;
      try {
        decoded = decodeExtrinsic(context.runtime.metadata.registry, params[0]);
      } catch (error) {
        throw authorError(error);
      }
      if (optionalBlockHash(params, 1) !== undefined && optionalBlockHash(params, 1) !== chain.best.hash) {
        throw invalidParams('at: the devnet dry-runs against the best block only');
      }
      return u8aToHex(dryRun(context.runtime, chain, decoded));
    },
    system_accountNextIndex: (params) => {
      const address = stringParam(params, 0, 'account');
      let account: string;
      try {
        account = encodeAddress(decodeAddress(address), BITTENSOR_SS58_FORMAT);
      } catch (error) {
        throw invalidParams(`account: ${String(error)}`);
      }
      const onChain = readAccount(chain.storageAt(), account).nonce;
      return chain.pool.nextNonce(account, onChain);
    },
  };
}
