import { isSecretKey, REDACTED, redactSecrets, redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['redis://:hunter2@redis.internal:6379/0', 'redis://:[redacted]@redis.internal:6379/0'],
    ['rediss://default:hunter2@10.0.0.5:6380', 'rediss://default:[redacted]@10.0.0.5:6380'],
    ['https://token123@example.com/path?q=1', 'https://[redacted]@example.com/path?q=1'],
    [
      'failed to reach redis://u:p1@a:1 and wss://u:p2@b/ws',
      'failed to reach redis://u:[redacted]@a:1 and wss://u:[redacted]@b/ws',
    ],
    ['rediss://redis:6380/0?password=hunter2&db=1', 'rediss://redis:6380/0?password=[redacted]&db=1'],
    [
      'https://api.example/v1?api_key=k1&access_token=t2#x',
      'https://api.example/v1?api_key=[redacted]&access_token=[redacted]#x',
    ],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it.each([
    'redis://127.0.0.1:6379',
    'ws://127.0.0.1:9944',
    'mailto:someone@example.com',
    'https://example.com/user@host',
    'https://example.com/search?q=password&page=2',
    'no url here',
    '://@',
  ])('leaves %s unchanged', (input) => {
    expect(redactUrl(input)).toBe(input);
  });
});

describe('redactSecrets', () => {
  it('redacts secret keys at any depth and in any spelling', () => {
    const input = {
      a: { b: { c: { d: { secretSeed: '0xdeadbeef', SECRET_SEED: 's2', 'private-key': 'k', keep: 1 } } } },
      list: [{ mnemonic: 'word word' }, [{ password: 'pw' }]],
    };
    expect(redactSecrets(input)).toEqual({
      a: { b: { c: { d: { secretSeed: REDACTED, SECRET_SEED: REDACTED, 'private-key': REDACTED, keep: 1 } } } },
      list: [{ mnemonic: REDACTED }, [{ password: REDACTED }]],
    });
  });

  it('redacts URL credentials inside any string value and leaves the input untouched', () => {
    const input = { config: { redis: { url: 'redis://:hunter2@r:6379' } } };
    expect(redactSecrets(input)).toEqual({ config: { redis: { url: 'redis://:[redacted]@r:6379' } } });
    expect(input.config.redis.url).toBe('redis://:hunter2@r:6379');
  });

  it('survives cycles and replaces values nested beyond its depth limit', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ name: 'x', self: '[circular]' });
    let deep: Record<string, unknown> = { seed: 'deepest' };
    for (let level = 0; level < 100; level++) {
      deep = { next: deep };
    }
    expect(JSON.stringify(redactSecrets(deep))).not.toContain('deepest');
  });

  it("redacts btwallet's BT_PW_ password variables, e.g. in a logged environment", () => {
    const env = { BT_PW__HOME_OP__BITTENSOR_WALLETS_W_HOTKEYS_DEFAULT: 'c2VjcmV0', NETUID: '1' };
    expect(redactSecrets({ env })).toEqual({
      env: { BT_PW__HOME_OP__BITTENSOR_WALLETS_W_HOTKEYS_DEFAULT: REDACTED, NETUID: '1' },
    });
  });

  it('does not treat ordinary keys as secrets', () => {
    expect(['hotkey', 'max_tokens', 'seedWords', 'signatures'].filter(isSecretKey)).toEqual([]);
  });
});
