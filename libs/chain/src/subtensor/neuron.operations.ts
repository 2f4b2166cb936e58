import type { ApiPromise } from '@polkadot/api';
import type { bool, Option, Struct, u128, u16, u32, u8 } from '@polkadot/types';
import { SDK_VERSION_AS_INT } from '@taonode/protocol';
import { axonIpRejection, encodeIp } from '../axon/ip-address.util';
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
import { readUid } from './neuron-lookup';
import { burnedRegisterCall, serveAxonCall } from './subtensor-calls';

export interface RegistrationResult {
  readonly netuid: number;
  readonly hotkey: string;
  readonly uid: number;
  /** True when the hotkey already had a uid: nothing was submitted (the SDK does the same). */
  readonly alreadyRegistered: boolean;
  readonly submission?: SubmissionResult;
}

async function assertSubnetExists(api: ApiPromise, blockHash: string, netuid: number): Promise<void> {
  const [added] = await queryStorageAt(api, blockHash, [
    storageQuery(storageEntry(api, 'subtensorModule', 'networksAdded'), netuid),
  ]);
  if (!(added as bool | undefined)?.isTrue) {
    throw new ChainError('TAONODE_CHAIN_SUBNET_NOT_FOUND', `subnet ${netuid} does not exist`);
  }
}

/**
 * Registers `hotkey` on `netuid` by burning (`burned_register`, or `root_register` for netuid 0), signed and
 * paid by `coldkey`. Checks first, as the SDK does, that the subnet exists (`TAONODE_CHAIN_SUBNET_NOT_FOUND`)
 * and that the hotkey is not registered yet (then returns without submitting).
 */
export async function registerNeuron(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  coldkey: TransactionSigner,
  hotkey: string,
  netuid: number,
  options: { waitFor?: WaitFor } = {},
): Promise<RegistrationResult> {
  const existing = await client.call(`registration preflight on subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    await assertSubnetExists(api, block.hash, netuid);
    return readUid(api, block.hash, netuid, hotkey);
  });
  if (existing !== undefined) {
    return { netuid, hotkey, uid: existing, alreadyRegistered: true };
  }
  const call =
    netuid === 0
      ? txFunction(client.api, 'subtensorModule', 'rootRegister')(hotkey)
      : burnedRegisterCall(client.api, netuid, hotkey);
  const submission = await submitter.submit(call, coldkey, {
    waitFor: options.waitFor,
    what: `register ${hotkey} on subnet ${netuid}`,
  });
  const event = findEvent(submission, 'subtensorModule', 'NeuronRegistered');
  const uid =
    typeof event?.[1] === 'number'
      ? event[1]
      : await client.call('read uid', async (api) =>
          readUid(api, submission.blockHash ?? (await bestBlock(api)).hash, netuid, hotkey),
        );
  if (uid === undefined) {
    throw new ChainError('TAONODE_CHAIN_NOT_REGISTERED', `registration of ${hotkey} on subnet ${netuid} left no uid`);
  }
  return { netuid, hotkey, uid, alreadyRegistered: false, submission };
}

export interface ServeAxonRequest {
  readonly netuid: number;
  /** External IP to announce (IPv4 or IPv6 text); never 127.0.0.1 (the chain refuses it). */
  readonly ip: string;
  readonly port: number;
  /** Default: the SDK's `version_as_int` (10.2.0 → 10002000). */
  readonly version?: number;
  readonly protocol?: number;
  readonly waitFor?: WaitFor;
}

type AxonStruct = Struct & { version: u32; ip: u128; port: u16; ipType: u8; protocol: u8 };

/**
 * Announces the axon (`serve_axon`), signed by the hotkey. Refuses addresses the chain rejects and ports
 * outside 1..65535 (`TAONODE_CHAIN_INVALID_ARGUMENT`) and unregistered hotkeys (`TAONODE_CHAIN_NOT_REGISTERED`);
 * skips the submission when the chain already holds exactly these values (SDK behaviour).
 */
export async function serveAxon(
  client: ChainClient,
  submitter: ExtrinsicSubmitter,
  hotkey: TransactionSigner,
  request: ServeAxonRequest,
): Promise<{ skipped: boolean; submission?: SubmissionResult }> {
  const encoded = encodeIp(request.ip);
  const rejection = axonIpRejection(encoded);
  if (rejection !== undefined) {
    throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', `cannot serve ${request.ip}: ${rejection}`);
  }
  if (!Number.isInteger(request.port) || request.port < 1 || request.port > 65535) {
    throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', `port must be 1..65535, got ${request.port}`);
  }
  const version = request.version ?? SDK_VERSION_AS_INT;
  const protocol = request.protocol ?? 4;
  const current = await client.call(`serve preflight on subnet ${request.netuid}`, async (api) => {
    const block = await bestBlock(api);
    const uid = await readUid(api, block.hash, request.netuid, hotkey.ss58Address);
    if (uid === undefined) {
      throw new ChainError(
        'TAONODE_CHAIN_NOT_REGISTERED',
        `hotkey ${hotkey.ss58Address} is not registered on subnet ${request.netuid}`,
      );
    }
    const [axon] = await queryStorageAt(api, block.hash, [
      storageQuery(storageEntry(api, 'subtensorModule', 'axons'), request.netuid, hotkey.ss58Address),
    ]);
    const option = axon as Option<AxonStruct> | AxonStruct | undefined;
    return option === undefined ? undefined : 'isSome' in option ? option.unwrapOr(undefined) : option;
  });
  if (
    current !== undefined &&
    current.ip.toBigInt() === encoded.ip &&
    current.port.toNumber() === request.port &&
    current.ipType.toNumber() === encoded.ipType &&
    current.protocol.toNumber() === protocol &&
    current.version.toNumber() === version
  ) {
    return { skipped: true };
  }
  const submission = await submitter.submit(
    serveAxonCall(client.api, {
      netuid: request.netuid,
      version,
      ip: encoded.ip,
      port: request.port,
      ipType: encoded.ipType,
      protocol,
    }),
    hotkey,
    { waitFor: request.waitFor, what: `serve axon ${request.ip}:${request.port} on subnet ${request.netuid}` },
  );
  return { skipped: false, submission };
}
