/**
 * How far a request's hotkey claim is believed before its signature is checked: `proven` when its connection
 * already carried a verified request of that hotkey to a 200, `suspect` when its address recently sent a forged
 * signature (ForgeryLimiter), `unproven` otherwise.
 */
export type ClaimStanding = 'proven' | 'unproven' | 'suspect';

/** Who asks for admission: its stake (claimed, until verified), the subnet's largest, and how far it is believed. */
export interface AdmissionClaim {
  readonly stakeRao: bigint;
  readonly maxStakeRao: bigint;
  readonly standing: ClaimStanding;
}

/**
 * The share of its stake's ceiling a claim gets. An unproven claim leaves the last quarter to callers proven on
 * their connection; a suspect address's claims leave another quarter to unproven claims from elsewhere, so a
 * validator's new connection is admitted while a forger's flood is held at half of the slots.
 */
function standingShare(standing: ClaimStanding): number {
  switch (standing) {
    case 'proven':
      return 1;
    case 'unproven':
      return 0.75;
    case 'suspect':
      return 0.5;
  }
}

/**
 * Load shedding by stake. Each caller may be admitted while the requests in flight stay below its share of
 * `maxInFlight`: half of it for a caller without stake, all of it for the subnet's largest stake, linearly in
 * between. Under overload the low-stake callers therefore hit their ceiling first and get 503, and the
 * highest-stake caller is the last one shed.
 *
 * The stake is read from the hotkey a request claims, before its signature is checked, and validators' hotkeys are
 * public: a flood of forged signatures claiming the largest stake would otherwise be admitted as that validator and
 * shed it alongside. So the ceiling shrinks with the claim's standing ({@link standingShare}): the validator's own
 * requests, on connections it proved, keep the last quarter of the in-flight slots, and its new connections the
 * quarter before it once the flood's address is suspect.
 */
export function admissionCeiling(maxInFlight: number, claim: AdmissionClaim): number {
  const { stakeRao, maxStakeRao } = claim;
  const share =
    maxStakeRao <= 0n || stakeRao <= 0n
      ? 0
      : stakeRao >= maxStakeRao
        ? 1
        : Number((stakeRao * 1_000_000n) / maxStakeRao) / 1_000_000;
  return Math.floor(maxInFlight * (0.5 + share / 2) * standingShare(claim.standing));
}
