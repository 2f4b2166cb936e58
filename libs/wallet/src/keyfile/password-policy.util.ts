/**
 * btwallet's policy for passwords typed at its prompt (`validate_password`): at least 6 bytes and a score of
 * at least 20 from the Rust `passwords` crate 3.x (`analyzer::analyze` + `scorer::score`, without the optional
 * common-password list, which btwallet does not enable). The score is re-implemented here from that crate's
 * documented algorithm:
 *
 * - characters ≤ 0x1F and 0x7F are dropped; each remaining one is a digit, uppercase, lowercase, space,
 *   ASCII symbol, or "other" (non-ASCII);
 * - base = table by (length − others): 0,2,5,9,16,25,40,58,80,88,95,100 for 0…11, then 100 + length − 11;
 * - if base > 0: + number of spaces; − 5 % of base without digits; − 10 % each without lowercase, uppercase,
 *   spaces; + 1 with both cases; + 1 with a symbol; − base × consecutive/length/5 (runs of one character);
 *   − base × progressive/length/5 (runs with a constant code-point step, e.g. "abc", "321");
 *   − base × repeated/length/10 (repeats that are not adjacent);
 * - clamp to [0, base], + 20 per "other" character, cap 100.
 */
/** Minimum password length in UTF-8 bytes (Rust `str::len`). */
export const MIN_PASSWORD_BYTES = 6;
/** Minimum `passwords`-crate score. */
export const MIN_PASSWORD_SCORE = 20;

interface PasswordAnalysis {
  length: number;
  spaces: number;
  digits: number;
  lowercase: number;
  uppercase: number;
  symbols: number;
  others: number;
  consecutive: number;
  nonConsecutive: number;
  progressive: number;
}

const BASE_SCORE_BY_LENGTH = [0, 2, 5, 9, 16, 25, 40, 58, 80, 88, 95, 100];

function isAsciiSymbol(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

function analyze(password: string): PasswordAnalysis {
  const analysis: PasswordAnalysis = {
    length: 0,
    spaces: 0,
    digits: 0,
    lowercase: 0,
    uppercase: 0,
    symbols: 0,
    others: 0,
    consecutive: 0,
    nonConsecutive: 0,
    progressive: 0,
  };
  const occurrences = new Map<number, number>();
  // The crate starts from u32::MAX / i32::MAX sentinels; -1 and NaN play that role (never equal to a real value).
  let previousCode = -1;
  let previousStep = Number.NaN;
  let inStepRun = false;
  let stepRunSeen = false;
  let inRepeatRun = false;

  for (const character of password) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x1f || code === 0x7f) {
      continue;
    }
    analysis.length += 1;
    occurrences.set(code, (occurrences.get(code) ?? 0) + 1);

    if (code === previousCode) {
      analysis.consecutive += inRepeatRun ? 1 : 2;
      inRepeatRun = true;
      inStepRun = false;
    } else {
      inRepeatRun = false;
      const step = previousCode - code;
      previousCode = code;
      if (step === previousStep) {
        if (inStepRun) {
          analysis.progressive += 1;
        } else {
          inStepRun = true;
          analysis.progressive += stepRunSeen ? 2 : 3;
          stepRunSeen = true;
        }
      } else {
        previousStep = step;
        if (inStepRun) {
          inStepRun = false;
        } else {
          stepRunSeen = false;
        }
      }
    }

    if (code >= 48 && code <= 57) {
      analysis.digits += 1;
    } else if (code >= 65 && code <= 90) {
      analysis.uppercase += 1;
    } else if (code >= 97 && code <= 122) {
      analysis.lowercase += 1;
    } else if (code === 32) {
      analysis.spaces += 1;
    } else if (isAsciiSymbol(code)) {
      analysis.symbols += 1;
    } else {
      analysis.others += 1;
    }
  }
  let repeated = 0;
  for (const count of occurrences.values()) {
    if (count > 1) {
      repeated += count;
    }
  }
  analysis.nonConsecutive = repeated - analysis.consecutive;
  return analysis;
}

/** Strength score 0–100 of the `passwords` crate (see the module comment for the rule). */
export function passwordStrengthScore(password: string): number {
  const a = analyze(password);
  const scored = a.length - a.others;
  const base = scored < BASE_SCORE_BY_LENGTH.length ? (BASE_SCORE_BY_LENGTH[scored] ?? 0) : 100 + a.length - 11;
  let score = base;
  if (score > 0) {
    score += a.spaces;
    if (a.digits === 0) {
      score -= base * 0.05;
    }
    if (a.lowercase === 0) {
      score -= base * 0.1;
    }
    if (a.uppercase === 0) {
      score -= base * 0.1;
    }
    if (a.spaces === 0) {
      score -= base * 0.1;
    }
    if (a.lowercase >= 1 && a.uppercase >= 1) {
      score += 1;
    }
    if (a.symbols >= 1) {
      score += 1;
    }
    score -= base * (a.consecutive / a.length / 5);
    score -= base * (a.progressive / a.length / 5);
    score -= base * (a.nonConsecutive / a.length / 10);
  }
  score = Math.min(Math.max(score, 0), base);
  return Math.min(score + a.others * 20, 100);
}

/** Why btwallet's prompt would refuse `password`, or undefined when it is acceptable. */
export function passwordPolicyViolation(password: string): string | undefined {
  if (Buffer.byteLength(password, 'utf8') < MIN_PASSWORD_BYTES) {
    return `password must be at least ${MIN_PASSWORD_BYTES} characters`;
  }
  if (passwordStrengthScore(password) < MIN_PASSWORD_SCORE) {
    return 'password is not strong enough: make it longer or mix cases, digits and symbols';
  }
  return undefined;
}
