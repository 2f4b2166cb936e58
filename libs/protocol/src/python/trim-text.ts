/**
 * `text` without leading and trailing characters for which `isSpace` holds. A loop rather than a
 * `^\s+|\s+$` regex: the regex retries the trailing alternative at every position of a long inner run of spaces,
 * which is quadratic in the run's length.
 */
export function trimText(text: string, isSpace: (code: number) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) {
    start++;
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
