/**
 * Load shedding by stake. Each caller may be admitted while the requests in flight stay below its share of
 * `maxInFlight`: half of it for a caller without stake, all of it for the subnet's largest stake, linearly in
 * between. Under overload the low-stake callers therefore hit their ceiling first and get 503, and the
 * highest-stake caller is the last one shed.
 */
export function admissionCeiling(maxInFlight: number, stakeRao: bigint, maxStakeRao: bigint): number {
  if (maxStakeRao <= 0n || stakeRao <= 0n) {
    return Math.floor(maxInFlight / 2);
  }
  const share = stakeRao >= maxStakeRao ? 1 : Number((stakeRao * 1_000_000n) / maxStakeRao) / 1_000_000;
  return Math.floor(maxInFlight * (0.5 + share / 2));
}
