/**
 * @taonode/chain — the subtensor client.
 *
 * Typical use (chain-sync):
 * ```ts
 * const client = await ChainClient.connect({ network: 'finney' });        // or chainEndpoint: 'ws://…,ws://…'
 * const reader = new ChainMetagraphReader(client);                       // runtime API where offered, storage otherwise
 * followFinalizedHeads(client).subscribe(async (head) => {
 *   const metagraph = await reader.read(1, head.hash);                   // always at an explicit block
 * });
 * client.onConnection((event) => …);                                     // reconnects happen by themselves
 * ```
 * Transactions (CLI, weight-setter):
 * ```ts
 * const submitter = new ExtrinsicSubmitter(client);                      // one per client: it tracks nonces
 * await setWeights(client, submitter, hotkeyKeypair, { netuid: 1, uids, weights });
 * await submitter.submit(transferCall(client.api, dest, rao), coldkeyKeypair, { waitFor: 'finalized' });
 * ```
 * Every failure is a {@link ChainError} with a stable `code` (docs/errors.md, "## chain").
 */

// Errors
export { ChainError, isChainError, type ChainErrorCode } from './errors/chain.error';
export { classifyTransactionRejection, toChainError, type TransactionRejection } from './errors/rpc-error.classifier';
export {
  customRefusalCode,
  poolRefusalModuleError,
  SUBTENSOR_POOL_REFUSALS,
  type RefusedCall,
} from './errors/pool-refusal';

// Connection
export {
  NETWORK_ENDPOINTS,
  NETWORK_NAMES,
  isNetworkName,
  resolveEndpoints,
  type EndpointSelection,
  type NetworkName,
  type ResolvedEndpoints,
} from './network/networks';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './network/backoff';
export { chainConnectOptions, type ChainConnectOptions } from './network/chain-connect-options';
export { withDeadline } from './network/deadline';
export {
  ChainClient,
  SUBTENSOR_SIGNED_EXTENSIONS,
  type ChainClientOptions,
  type ConnectionEvent,
} from './client/chain-client';
export { unrefRpcTeardownTimers } from './client/rpc-teardown-timers';
export { ChainFeatures, runtimeApiId } from './client/chain-features';
export { SILENT_LOGGER, type ChainLogger } from './client/chain-logger';
export { bestBlock, blockByHash, blockByNumber, finalizedBlock, resolveBlock, type BlockRef } from './client/block-ref';
export { queryStorageAt, storageQuery, type StorageQuery } from './client/storage-batch';

// Reading
export * from './metagraph';
export {
  ChainMetagraphReader,
  type MetagraphReaderOptions,
  type MetagraphSource,
} from './metagraph/chain-metagraph.reader';
export { callNeuronsLite, u16Argument } from './metagraph/metagraph-runtime-api.reader';
export { followFinalizedHeads, type FollowOptions } from './head/finalized-head.follower';
export { readBalance, readBalances, existentialDeposit, type AccountBalance } from './account/balance.reader';
export { readColdkeyStakes, readHotkeyStake, type StakeEntry, type StakeSource } from './account/stake.reader';
export { stakeFromShares } from './account/alpha-shares';
export { listNetuids, readSubnets, type SubnetSummary } from './subnet/subnets.reader';
export { raoToTao, u16ToFloat, RAO_PER_TAO, ROOT_TAO_STAKE_WEIGHT } from './metagraph/neuron.mapper';
export { axonIpRejection, decodeIp, encodeIp, type EncodedIp, type IpType } from './axon/ip-address.util';
export {
  decodeNeuronLite,
  decodeNeurons,
  decodeNeuronsLite,
  unwrapRuntimeApiBytes,
  type RuntimeApiResultShape,
} from './runtime-api/runtime-api.decoder';
export { NEURON_INFO_API, SUBTENSOR_RUNTIME_API_METHODS } from './runtime-api/subtensor-runtime-api.methods';
export {
  METAGRAPH_FIELDS,
  SUBTENSOR_RUNTIME_API_TYPES,
  type MetagraphField,
  type RawEndpointInfo,
  type RawNeuronInfo,
  type RawNeuronInfoLite,
} from './runtime-api/subtensor-runtime-api.types';

// Writing
export {
  chainNextNonce,
  ExtrinsicSubmitter,
  findEvent,
  type ExtrinsicEvent,
  type SubmissionResult,
  type SubmitOptions,
  type WaitFor,
} from './extrinsic/extrinsic.submitter';
export { KeypairSigner, type TransactionSigner } from './extrinsic/keypair-signer';
export { DEFAULT_ERA_PERIOD, eraBirth, eraDeath, isEraAlive, mortalEra, type MortalEra } from './extrinsic/mortal-era';
export { NonceManager, type NonceSource } from './extrinsic/nonce-manager';
export {
  addStakeCall,
  burnedRegisterCall,
  commitWeightsCall,
  removeStakeCall,
  revealWeightsCall,
  serveAxonCall,
  setWeightsCall,
  transferCall,
  type AxonAnnouncement,
  type U16Weights,
} from './subtensor/subtensor-calls';
export { readRegistrations, readUid, type Registration } from './subtensor/neuron-lookup';
export { readWeights, type WeightRow } from './subtensor/weights.reader';
export {
  epochIndex,
  nextStatefulEpochBlock,
  revealWindow,
  statefulRevealWindow,
  type RevealWindow,
  type StatefulEpochs,
} from './subtensor/reveal-window';
export { readCommitRevealTiming, type CommitRevealTiming, type CommitToReveal } from './subtensor/reveal-window.reader';
export { assertStartCallSupported, startSubnet, type SubnetStartResult } from './subtensor/subnet-start.operations';
export {
  registerNeuron,
  serveAxon,
  type RegistrationResult,
  type ServeAxonRequest,
} from './subtensor/neuron.operations';
export {
  commitWeights,
  preflightWeights,
  revealWeights,
  setWeights,
  type PendingReveal,
  type WeightsPreflight,
  type WeightsRequest,
  type WeightsSubmission,
} from './subtensor/weights.operations';

// Weight math (SDK bit-exact)
export * from './weights';

// Weights submission paths (direct, hash commit-reveal, pluggable timelocked) and their typed outcomes
export * from './weights-path';

// Timelocked commits (CR v3/v4): the chain side of @taonode/timelock
export {
  DEFAULT_BLOCK_TIME_SECONDS,
  HOTKEY_PAYLOAD_VERSION,
  timelockRevealRound,
  type RevealRoundOptions,
  type TimelockContext,
} from './timelock/timelock-context';
export { readTimelockContext } from './timelock/timelock-context.reader';
export {
  readTimelockedCommitStatus,
  type TimelockedCommitRecord,
  type TimelockedCommitStatus,
} from './timelock/timelocked-commit-status';
export {
  commitTimelockedWeights,
  planTimelockedCommit,
  type TimelockedCommitPlan,
  type TimelockedCommitRequest,
  type TimelockedCommitResult,
} from './timelock/timelocked-commit';
export {
  CACHE_DIR_ENV,
  cacheDirectory,
  describeMetadataFetch,
  ensureSubtensorMetadata,
  fetchSubtensorMetadata,
  isSubtensorMetadataReady,
  SUBTENSOR_METADATA,
  subtensorMetadataFile,
} from './metadata/subtensor-metadata';
