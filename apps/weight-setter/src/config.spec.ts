import { weightSetterConfigSchema } from './config';

describe('weight-setter configuration', () => {
  it('submits for real unless told to dry-run', () => {
    expect(weightSetterConfigSchema.parse({}).weights.dryRun).toBe(false);
    expect(weightSetterConfigSchema.parse({ WEIGHTS_DRY_RUN: 'true' }).weights.dryRun).toBe(true);
    expect(weightSetterConfigSchema.parse({ WEIGHTS_DRY_RUN: '1' }).weights.dryRun).toBe(true);
  });

  it('refuses values it cannot mean', () => {
    expect(() => weightSetterConfigSchema.parse({ WEIGHTS_DRY_RUN: 'maybe' })).toThrow();
    expect(() => weightSetterConfigSchema.parse({ NETUID: '70000' })).toThrow();
    expect(() => weightSetterConfigSchema.parse({ WEIGHTS_EXCLUDE_QUANTILE: '65536' })).toThrow();
    expect(() => weightSetterConfigSchema.parse({ WEIGHTS_LOCK_TTL_MS: '10' })).toThrow();
  });

  it('reads the hotkey from the btcli wallet layout, by name', () => {
    const config = weightSetterConfigSchema.parse({ WALLET_NAME: 'validator', WALLET_HOTKEY: 'hk', WALLET_PATH: '/w' });
    expect(config.wallet).toEqual({ path: '/w', name: 'validator', hotkey: 'hk' });
  });
});
