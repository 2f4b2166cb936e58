/** What `work` throws (fails the test when it returns), for `toMatchObject` on error fields. */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
