/** Whether `url` answers 2xx now; refused or timed out means "not yet" (not listening, or busy starting). */
export function answersHttp(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Polls `probe` until it answers true. False once `deadline` (epoch ms) has passed, or as soon as `keepGoing`
 * answers false (the child died: no point in waiting, and no timer left behind).
 */
export async function pollUntil(
  probe: () => Promise<boolean>,
  deadline: number,
  keepGoing: () => boolean = () => true,
  intervalMs = 200,
): Promise<boolean> {
  while (Date.now() < deadline && keepGoing()) {
    if (await probe()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
