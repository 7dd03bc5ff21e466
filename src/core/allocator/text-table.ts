// Plain-text columns for CLI output, padded like `kubectl get` prints them.
import { terminalField } from '../text/terminal-text.ts';

/**
 * Rows of cells under a header; every column as wide as its widest cell, three spaces apart. Cells
 * are escaped for the terminal (names come from manifests and clusters).
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map(terminalField));
  // A loop, not Math.max(...column): a spread of 100,000 rows overflows the call stack.
  const widths = header.map((title) => title.length);
  for (const row of cells) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  const line = (values: readonly string[]) =>
    values
      .map((cell, column) => (column === values.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('   ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}
