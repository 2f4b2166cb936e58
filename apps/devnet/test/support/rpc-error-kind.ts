/** The kind of a `1010` rejection, read from either substrate's text or Chopsticks' JSON form. */
export type InvalidKind = 'stale' | 'future' | 'badProof' | 'payment' | 'ancientBirthBlock' | 'other';

const KINDS: readonly (readonly [InvalidKind, RegExp])[] = [
  ['stale', /Transaction is outdated|"stale"/],
  ['future', /Transaction will be valid in the future|"future"/],
  ['badProof', /Transaction has a bad signature|"badProof"/],
  ['payment', /Inability to pay some fees|"payment"/],
  ['ancientBirthBlock', /Transaction has an ancient birth block|"ancientBirthBlock"/],
];

/**
 * Normalises a submission error so one scenario can assert against both chains: a real node answers
 * `1010: Invalid Transaction: Transaction is outdated`, Chopsticks `1010: {"invalid":{"stale":null}}`.
 */
export function invalidKind(error: unknown): InvalidKind | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.startsWith('1010')) {
    return undefined;
  }
  return KINDS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'other';
}
