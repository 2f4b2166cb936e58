/** Display width of a cell: code points, not UTF-16 units (`𝜏` is one column, two units). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}

/**
 * A plain-text table: columns padded to their widest cell, numbers right-aligned, two spaces between columns
 * (btcli draws boxes with rich; we keep the same columns and values in a form that greps and diffs well).
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: readonly boolean[] = [],
): string[] {
  const widths = headers.map((header, column) =>
    Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? width(cell), alignRight[column] === true))
      .join('  ')
      .trimEnd();
  return [format(headers), ...rows.map(format)];
}
