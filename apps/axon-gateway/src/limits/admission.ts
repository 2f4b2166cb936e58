/** Who asks for admission: its stake (claimed, until verified), the subnet's largest, and whether it is trusted. */
export interface AdmissionClaim {
  readonly stakeRao: bigint;
  readonly maxStakeRao: bigint;
  /** The hotkey claimed is the one its connection already proved with a verified request answered 200. */
  readonly trusted: boolean;
}

/** The share of its stake's ceiling an unproven claim gets: the rest is kept for callers proven on their connection. */
const UNPROVEN_SHARE = 0.75;

/**
 * Load shedding by stake. Each caller may be admitted while the requests in flight stay below its share of
 * `maxInFlight`: half of it for a caller without stake, all of it for the subnet's largest stake, linearly in
 * between. Under overload the low-stake callers therefore hit their ceiling first and get 503, and the
 * highest-stake caller is the last one shed.
 *
 * The stake is read from the hotkey a request claims, before its signature is checked, and validators' hotkeys are
 * public: a flood of forged signatures claiming the largest stake would otherwise be admitted as that validator and
 * shed it alongside. So a claim not yet proven on its connection gets three quarters of its ceiling, and the
 * validator's own requests, on connections it proved, keep the last quarter of the in-flight slots.
 */
export function admissionCeiling(maxInFlight: number, claim: AdmissionClaim): number {
  const { stakeRao, maxStakeRao } = claim;
  const share =
    maxStakeRao <= 0n || stakeRao <= 0n
      ? 0
      : stakeRao >= maxStakeRao
        ? 1
        : Number((stakeRao * 1_000_000n) / maxStakeRao) / 1_000_000;
  const ceiling = maxInFlight * (0.5 + share / 2);
  return Math.floor(claim.trusted ? ceiling : ceiling * UNPROVEN_SHARE);
}
