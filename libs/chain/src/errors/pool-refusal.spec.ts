import { customRefusalCode, poolRefusalModuleError } from './pool-refusal';

const subtensor = (method: string) => ({ section: 'subtensorModule', method });

describe('subtensor pool refusals', () => {
  it('reads the custom code from what nodes answer, and nothing else', () => {
    expect(customRefusalCode('1010: Invalid Transaction: Custom error: 17')).toBe(17);
    expect(customRefusalCode('1010: Invalid Transaction: {"invalid":{"custom":6}}')).toBe(6);
    expect(customRefusalCode('1010: Invalid Transaction: Transaction is outdated')).toBeUndefined();
  });

  it.each([
    [6, 'setWeights', 'SettingWeightsTooFast'],
    [6, 'setMechanismWeights', 'SettingWeightsTooFast'],
    [6, 'commitWeights', 'CommittingWeightsTooFast'],
    [6, 'commitMechanismWeights', 'CommittingWeightsTooFast'],
    [6, 'registerNetwork', 'NetworkTxRateLimitExceeded'],
    [6, 'burnedRegister', 'TooManyRegistrationsThisInterval'],
    [1, 'setWeights', 'NotEnoughStakeToSetWeights'],
    [1, 'addStake', 'AmountTooLow'],
    [16, 'revealWeights', 'NoWeightsCommitFound'],
    [17, 'revealMechanismWeights', 'RevealTooEarly'],
    [10, 'serveAxon', 'HotKeyNotRegisteredInNetwork'],
    [11, 'serveAxon', 'InvalidIpAddress'],
    [12, 'servePrometheus', 'ServingRateLimitExceeded'],
    [13, 'serveAxonTls', 'InvalidPort'],
    [255, 'serveAxon', 'InvalidIpType'],
  ])('Custom(%i) of %s is subtensorModule.%s', (code, method, name) => {
    expect(poolRefusalModuleError(code, subtensor(method))).toBe(`subtensorModule.${name}`);
  });

  it('leaves codes that name no single error for the call, and other pallets, unmapped', () => {
    expect(poolRefusalModuleError(255, subtensor('addStake'))).toBeUndefined();
    expect(poolRefusalModuleError(6, subtensor('transferStake'))).toBeUndefined();
    expect(poolRefusalModuleError(14, subtensor('setWeights'))).toBeUndefined();
    expect(poolRefusalModuleError(11, { section: 'balances', method: 'transferKeepAlive' })).toBeUndefined();
    // The coldkey-swap guard looks at every call of the signer.
    expect(poolRefusalModuleError(0, { section: 'balances', method: 'transferKeepAlive' })).toBe(
      'subtensorModule.ColdkeySwapAnnounced',
    );
  });
});
