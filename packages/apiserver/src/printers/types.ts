/**
 * The meta.k8s.io/v1 Table shapes and the contract every per-kind printer implements
 * (upstream k8s.io/apimachinery/pkg/apis/meta/v1 Table*, pkg/printers TableHandler).
 */

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** A row condition; upstream only sets `Completed` (pods that succeeded or failed). */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

/** `includeObject` query parameter: what each row carries in `object`. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/**
 * A cell whose text depends on when the table is served (ages, durations): resolved with the
 * serving time, so a printed row can be kept and served again later.
 */
export type TimeCell = (now: number) => string;

/**
 * What a printer produces for one object: the cells, plus conditions for a few kinds. Before it
 * is served (`resolveRow`) a cell may still be a TimeCell.
 */
export interface PrintedRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

/**
 * One kind's printer. The server always prints wide (upstream passes `Wide: true`); kubectl
 * hides the `priority > 0` columns unless `-o wide`. `row` prints without a time; `print`
 * resolves that row's time cells at `now`, epoch milliseconds.
 */
export interface Printer<T = unknown> {
  columns: readonly TableColumnDefinition[];
  row(obj: T): PrintedRow;
  print(obj: T, now: number): PrintedRow;
}
