/**
 * Subtensor's pool-time refusals (`1010: Invalid Transaction: Custom error: n`) named as the pallet errors the
 * same refusal is when it comes as a failed extrinsic, so callers see one typed error whatever the runtime:
 * spec 424's `SubtensorTransactionExtension` refuses rate-limited weights, reveals outside their window and
 * bad `serve_axon` calls in the pool, which spec 233 included and failed at dispatch; spec 233's
 * `SubtensorSignedExtension` refused staking input and weights without stake in the pool, which spec 424 fails
 * at dispatch. The codes are `CustomTransactionError` (common/src/transaction_error.rs@6d81084c); 0–9 and 255
 * mean the same in both runtimes.
 */

/** The call a refusal came for, as @polkadot/api decorates it (`subtensorModule`, `setWeights`). */
export interface RefusedCall {
  readonly section: string;
  readonly method: string;
}

/** A pallet error name, or a rule choosing it from the refused call when one code stands for several errors. */
type RefusalMeaning = string | ((call: RefusedCall) => string | undefined);

const WEIGHTS_CALLS: ReadonlySet<string> = new Set([
  'setWeights',
  'setMechanismWeights',
  'batchSetWeights',
  'commitWeights',
  'commitMechanismWeights',
  'batchCommitWeights',
  'revealWeights',
  'revealMechanismWeights',
  'batchRevealWeights',
  'commitCrv3Weights',
  'commitCrv3MechanismWeights',
  'commitTimelockedWeights',
  'commitTimelockedMechanismWeights',
]);
const SERVING_CALLS: ReadonlySet<string> = new Set(['serveAxon', 'serveAxonTls', 'servePrometheus']);
const COMMIT_CALLS: ReadonlySet<string> = new Set([
  'commitWeights',
  'commitMechanismWeights',
  'batchCommitWeights',
  'commitCrv3Weights',
  'commitCrv3MechanismWeights',
  'commitTimelockedWeights',
  'commitTimelockedMechanismWeights',
]);
const REGISTRATION_CALLS: ReadonlySet<string> = new Set(['register', 'burnedRegister', 'registerLimit']);

/** Code 6 (`RateLimitExceeded`): which rate limit depends on the call. */
function rateLimitError({ method }: RefusedCall): string | undefined {
  if (COMMIT_CALLS.has(method)) {
    return 'CommittingWeightsTooFast';
  }
  if (method === 'setWeights' || method === 'setMechanismWeights' || method === 'batchSetWeights') {
    return 'SettingWeightsTooFast';
  }
  if (method === 'registerNetwork') {
    return 'NetworkTxRateLimitExceeded';
  }
  // Spec 233 limited registrations per interval in the pool.
  return REGISTRATION_CALLS.has(method) ? 'TooManyRegistrationsThisInterval' : undefined;
}

/** Every `Custom(n)` subtensor answers, with the SubtensorModule error it stands for. */
export const SUBTENSOR_POOL_REFUSALS: Readonly<Record<number, RefusalMeaning>> = {
  // ColdkeySwapAnnounced on 424; 233's ColdkeyInSwapSchedule has no pallet error of its own.
  0: 'ColdkeySwapAnnounced',
  1: ({ method }) => (WEIGHTS_CALLS.has(method) ? 'NotEnoughStakeToSetWeights' : 'AmountTooLow'),
  2: 'NotEnoughBalanceToStake',
  3: 'SubnetNotExists',
  4: 'HotKeyAccountNotExists',
  5: 'NotEnoughStakeToWithdraw',
  6: rateLimitError,
  7: 'InsufficientLiquidity',
  8: 'SlippageTooHigh',
  9: 'TransferDisallowed',
  10: 'HotKeyNotRegisteredInNetwork',
  11: 'InvalidIpAddress',
  12: 'ServingRateLimitExceeded',
  13: 'InvalidPort',
  15: 'InvalidRevealRound',
  16: 'NoWeightsCommitFound',
  17: 'RevealTooEarly',
  18: 'InputLengthsUnequal',
  19: 'HotKeyNotRegisteredInSubNet',
  20: 'EvmKeyAssociateRateLimitExceeded',
  21: 'ColdkeySwapDisputed',
  25: 'NonAssociatedColdKey',
  26: 'DelegateTakeTooLow',
  27: 'DelegateTakeTooHigh',
  // BadRequest: any other pallet error; for serving calls the only one is an unknown ip type.
  255: ({ method }) => (SERVING_CALLS.has(method) ? 'InvalidIpType' : undefined),
};

const CUSTOM_CODE = /custom error:\s*(\d+)|"custom"\s*:\s*(\d+)/i;

/** The `n` of a `1010 … Custom error: n` (or `{"invalid":{"custom":n}}`) message, else undefined. */
export function customRefusalCode(message: string): number | undefined {
  const match = CUSTOM_CODE.exec(message);
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? undefined : Number(digits);
}

/** Codes the extension answers for any call of a signer (CheckColdkeySwap), not only SubtensorModule calls. */
const ANY_CALL_CODES: ReadonlySet<number> = new Set([0, 21]);

/**
 * `subtensorModule.<Error>` for a `Custom(code)` refusal of `call`, or undefined when the code names no single
 * pallet error for that call (then the refusal stays `TAONODE_CHAIN_INVALID_TRANSACTION`). The guards look at
 * the outer call only, so apart from the coldkey-swap codes only SubtensorModule calls are mapped.
 */
export function poolRefusalModuleError(code: number, call: RefusedCall): string | undefined {
  if (call.section !== 'subtensorModule' && !ANY_CALL_CODES.has(code)) {
    return undefined;
  }
  const meaning = SUBTENSOR_POOL_REFUSALS[code];
  const name = typeof meaning === 'function' ? meaning(call) : meaning;
  return name === undefined ? undefined : `subtensorModule.${name}`;
}
