import { bestBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry, txFunction } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { ChainError } from '../errors/chain.error';
import {
  findEvent,
  type ExtrinsicSubmitter,
  type SubmissionResult,
  type WaitFor,
} from '../extrinsic/extrinsic.submitter';
import type { TransactionSigner } from '../extrinsic/keypair-signer';

/** What `start_call` left: the first block the subnet emits in, and the submission when this call made it. */
export interface SubnetStartResult {
  readonly netuid: number;
  readonly firstEmissionBlock: number;
  readonly alreadyStarted: boolean;
  readonly submission?: SubmissionResult;
}

/**
 * Starts a subnet's emission and staking (`start_call(netuid)`, spec 424; btcli `subnet start`), signed by the
 * subnet owner's coldkey. Feature-detected: a runtime without `start_call` (spec 233 and older: subnets emit
 * from registration on) is refused with `TAONODE_CHAIN_UNSUPPORTED` before anything is signed. Checked first
 * against the chain: the subnet exists, the signer owns it; a subnet already started is reported, not
 * re-submitted (the chain would answer `FirstEmissionBlockNumberAlreadySet`).
 */
export async function startSubnet(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  coldkey: TransactionSigner,
  netuid: number,
  options: { waitFor?: WaitFor } = {},
): Promise<SubnetStartResult> {
  assertStartCallSupported(client);
  const preflight = await client.call(`start preflight of subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    const entry = (item: string): ReturnType<typeof storageEntry> => storageEntry(api, 'subtensorModule', item);
    const [added, owner, firstEmission] = await queryStorageAt(api, block.hash, [
      storageQuery(entry('networksAdded'), netuid),
      storageQuery(entry('subnetOwner'), netuid),
      storageQuery(entry('firstEmissionBlockNumber'), netuid),
    ]);
    // An Optional item: `undefined` until `start_call` writes it.
    return {
      exists: added?.toString() === 'true',
      owner: owner?.toString(),
      firstEmissionBlock: firstEmission === undefined ? undefined : Number(firstEmission.toString()),
    };
  });
  if (!preflight.exists) {
    throw new ChainError('TAONODE_CHAIN_SUBNET_NOT_FOUND', `subnet ${netuid} does not exist`);
  }
  if (preflight.firstEmissionBlock !== undefined) {
    return { netuid, firstEmissionBlock: preflight.firstEmissionBlock, alreadyStarted: true };
  }
  if (preflight.owner !== coldkey.ss58Address) {
    throw new ChainError(
      'TAONODE_CHAIN_INVALID_ARGUMENT',
      `subnet ${netuid} is owned by ${preflight.owner ?? 'nobody'}, not by coldkey ${coldkey.ss58Address}: only its owner can start it`,
    );
  }
  const submission = await submitter.submit(txFunction(client.api, 'subtensorModule', 'startCall')(netuid), coldkey, {
    waitFor: options.waitFor,
    what: `start subnet ${netuid}`,
  });
  const event = findEvent(submission, 'subtensorModule', 'FirstEmissionBlockNumberSet');
  const firstEmissionBlock = Number(event?.[1] ?? 0);
  return { netuid, firstEmissionBlock, alreadyStarted: false, submission };
}

/** Refuses, before anything is signed, a runtime without `start_call` (spec 233 and older). */
export function assertStartCallSupported(client: ChainClient): void {
  if (!client.features.hasCall('subtensorModule', 'startCall')) {
    throw new ChainError(
      'TAONODE_CHAIN_UNSUPPORTED',
      `this runtime (spec ${client.features.specVersion}) has no start_call: its subnets emit from registration on`,
    );
  }
}
