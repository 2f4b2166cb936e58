/**
 * Polls `probe` until it returns a value other than undefined and resolves with it; fails after `timeoutMs` with a
 * message naming `what`. The deadline is generous by design: it bounds a hang, it never measures speed.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  pollMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
