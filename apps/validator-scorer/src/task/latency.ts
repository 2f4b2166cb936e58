/**
 * How much of a correct answer's reward latency may take away. Small on purpose: correctness decides, latency
 * only separates miners that are equally correct (a correct answer at the very end of the timeout still keeps
 * most of its reward, and ranks above every wrong one).
 */
export const LATENCY_PENALTY = 0.2;

/** `reward × (1 − LATENCY_PENALTY × latency / timeout)`, latency clamped to [0, timeout]; 0 stays 0. */
export function discountForLatency(reward: number, processTimeSeconds: number | null, timeoutSeconds: number): number {
  if (reward <= 0) {
    return 0;
  }
  const used = processTimeSeconds === null ? timeoutSeconds : Math.min(Math.max(processTimeSeconds, 0), timeoutSeconds);
  return reward * (1 - (LATENCY_PENALTY * used) / timeoutSeconds);
}
