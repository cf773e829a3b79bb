/** How printers are made, and how a printed row's time cells are resolved when it is served. */
import type { PrintedRow, Printer, TableColumnDefinition, TimeCell } from './types.js';

/** The row's cells with every TimeCell turned into its text at `now`. */
export function resolveCells(cells: readonly unknown[], now: number): unknown[] {
  return cells.map((c) => (typeof c === 'function' ? (c as TimeCell)(now) : c));
}

export function resolveRow(row: PrintedRow, now: number): PrintedRow {
  const out: PrintedRow = { cells: resolveCells(row.cells, now) };
  if (row.conditions) out.conditions = row.conditions;
  return out;
}

/** A printer from its columns and its row function; its `print` resolves the row at `now`. */
export function definePrinter<T>(p: {
  columns: readonly TableColumnDefinition[];
  row(obj: T): PrintedRow;
}): Printer<T> {
  return { columns: p.columns, row: p.row, print: (obj, now) => resolveRow(p.row(obj), now) };
}
