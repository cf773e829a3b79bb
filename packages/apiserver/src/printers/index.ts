export type {
  IncludeObject,
  PrintedRow,
  Printer,
  Table,
  TableColumnDefinition,
  TableRow,
  TableRowCondition,
} from './types.js';
export { printTable, tableHeader, tableRow, type PrintTableOptions } from './print-table.js';
export { pushStoredRow, storedRow, storedRowJson, type StoredRow } from './stored-row.js';
export { humanDuration, shortHumanDuration } from './human-duration.js';
