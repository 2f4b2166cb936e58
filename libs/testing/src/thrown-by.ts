/** The error `fn` throws (fails the test if it returns normally), for `toMatchObject` on typed error fields. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
