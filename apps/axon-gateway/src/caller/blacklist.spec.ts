import type { CallerPolicy } from '../config';
import { checkBlacklist } from './blacklist';
import { CallerDirectory } from './caller-directory';

const TAO = 1_000_000_000n;
const directory = new CallerDirectory(
  new Map([
    ['validator', { uid: 0, stakeRao: 100n * TAO, validatorPermit: true }],
    ['miner', { uid: 1, stakeRao: 2n * TAO, validatorPermit: false }],
  ]),
  10,
);

function policy(overrides: Partial<CallerPolicy> = {}): CallerPolicy {
  return { minStakeRao: 0n, requireValidatorPermit: false, allow: new Set(), deny: new Set(), ...overrides };
}

describe('checkBlacklist', () => {
  it('serves a registered caller with its record', () => {
    expect(checkBlacklist('validator', directory, policy())).toEqual({
      allowed: true,
      caller: { uid: 0, stakeRao: 100n * TAO, validatorPermit: true },
    });
  });

  it.each([
    ['an unregistered hotkey', 'stranger', policy(), 'unregistered', 'Unrecognized hotkey'],
    [
      'a stake below the minimum',
      'miner',
      policy({ minStakeRao: 10n * TAO }),
      'stake_below_minimum',
      'Stake below minimum',
    ],
    [
      'no validator permit when one is required',
      'miner',
      policy({ requireValidatorPermit: true }),
      'no_validator_permit',
      'Non-validator hotkey',
    ],
    [
      'a denied hotkey, even a validator',
      'validator',
      policy({ deny: new Set(['validator']) }),
      'denied',
      'Denied hotkey',
    ],
  ])('refuses %s', (_label, hotkey, rules, reason, message) => {
    expect(checkBlacklist(hotkey, directory, rules)).toEqual({ allowed: false, reason, message });
  });

  it('serves an allow-listed hotkey that is not registered', () => {
    expect(checkBlacklist('friend', directory, policy({ allow: new Set(['friend']) }))).toEqual({
      allowed: true,
      caller: undefined,
    });
  });

  it('refuses everyone but the allow list until a metagraph arrived', () => {
    expect(checkBlacklist('validator', undefined, policy())).toMatchObject({ allowed: false, reason: 'no_metagraph' });
    expect(checkBlacklist('friend', undefined, policy({ allow: new Set(['friend']) }))).toMatchObject({
      allowed: true,
    });
  });
});
