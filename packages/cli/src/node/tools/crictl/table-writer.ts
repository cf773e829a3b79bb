/**
 * Go's text/tabwriter as crictl configures it (display.go newDefaultTableDisplay: minwidth 20,
 * tabwidth 1, padding 3, pad char ' ', no flags): every cell but the last of a row is padded to
 * its column's width, max(minwidth, widest cell + padding); the last cell is written as is.
 */
export interface TableOptions {
  minWidth: number;
  padding: number;
}

export const CRICTL_TABLE: TableOptions = { minWidth: 20, padding: 3 };

export function formatTable(rows: string[][], opts: TableOptions = CRICTL_TABLE): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      const w = Math.max(opts.minWidth, (row[i] ?? '').length + opts.padding);
      widths[i] = Math.max(widths[i] ?? 0, w);
    }
  }
  return rows
    .map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('') + '\n')
    .join('');
}
