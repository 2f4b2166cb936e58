import { childEnvironment } from './service-processes';

describe('childEnvironment', () => {
  const parentEnv = { PATH: '/usr/bin', BT_PW__HOME_OP_WALLETS_W_HOTKEYS_DEFAULT: 'c2VjcmV0', BT_PW__OTHER: 'eA==' };

  it("unsets every inherited BT_PW_ variable, keeping the rest of the parent's environment to the supervisor", () => {
    expect(childEnvironment({ REDIS_URL: 'redis://127.0.0.1:1' }, parentEnv)).toEqual({
      BT_PW__HOME_OP_WALLETS_W_HOTKEYS_DEFAULT: undefined,
      BT_PW__OTHER: undefined,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
  });

  it('passes a BT_PW_ variable only when it is handed to this child', () => {
    const env = childEnvironment({ BT_PW__HOME_OP_WALLETS_W_HOTKEYS_DEFAULT: 'c2VjcmV0' }, parentEnv);
    expect(env.BT_PW__HOME_OP_WALLETS_W_HOTKEYS_DEFAULT).toBe('c2VjcmV0');
    expect(Object.keys(env)).toContain('BT_PW__OTHER');
    expect(env.BT_PW__OTHER).toBeUndefined();
  });
});
