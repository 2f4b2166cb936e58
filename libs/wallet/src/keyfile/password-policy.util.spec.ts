import { passwordPolicyViolation, passwordStrengthScore } from './password-policy.util';

describe('password policy', () => {
  // Expected scores are the ones the Rust `passwords` crate's own tests assert (without the common list).
  it.each([
    ['kq4zpz13', 62],
    ['abc123', 24],
    ['ZYX[$BCkQB中文}%A_3456]  H(\rg', 100],
  ])('scores %j as the passwords crate does (%i)', (password, score) => {
    expect(passwordStrengthScore(password)).toBeCloseTo(score, 10);
  });

  it('requires at least 6 bytes', () => {
    expect(passwordPolicyViolation('Ab1!x')).toMatch(/at least 6/);
  });

  it('refuses a 6-character password that scores below 20', () => {
    // 40 base − 2 (no digit) − 4 × 3 (no lower/upper/space) + 1 (symbol) − 8 (one run of 6) = 19.
    expect(passwordStrengthScore('!!!!!!')).toBeCloseTo(19, 10);
    expect(passwordPolicyViolation('!!!!!!')).toMatch(/not strong enough/);
  });

  it('accepts exactly 20 (the threshold is inclusive)', () => {
    expect(passwordStrengthScore('123456')).toBeCloseTo(20, 10);
    expect(passwordPolicyViolation('123456')).toBeUndefined();
  });

  it('accepts ordinary mixed passwords', () => {
    expect(passwordPolicyViolation('Correct-Horse-9')).toBeUndefined();
    expect(passwordPolicyViolation('abc123')).toBeUndefined();
  });
});
