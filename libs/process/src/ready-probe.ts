/** Polls an HTTP readiness endpoint until it answers 2xx; false once `timeoutMs` has passed without that. */
export async function probeUntilReady(url: string, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      // Refused or timed out: not listening yet, or busy starting. Keep polling until the deadline.
      () => false,
    );
    if (answered) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
