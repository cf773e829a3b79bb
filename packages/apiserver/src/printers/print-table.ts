/**
 * Builds the meta.k8s.io/v1 Table a real apiserver answers when the client accepts
 * `as=Table;g=meta.k8s.io;v=v1` (pkg/printers/storage TableConvertor, always wide).
 */
import type { ObjectMeta } from '@kubelab/api';
import { printerFor } from './registry.js';
import type { IncludeObject, Table, TableRow } from './types.js';

export interface PrintTableOptions {
  /** Epoch milliseconds the ages are computed against. */
  now: number;
  includeObject: IncludeObject;
  /** Leave out the column definitions (watch events after the first). */
  noHeaders?: boolean;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

function rowObject(obj: object, includeObject: IncludeObject): unknown {
  if (includeObject === 'Object') return obj;
  const metadata = (obj as { metadata?: ObjectMeta }).metadata ?? {};
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

/** One row of the Table for `obj`, with the object as includeObject asks. */
export function tableRow(
  resource: { group: string; kind: string },
  obj: object,
  opts: Pick<PrintTableOptions, 'now' | 'includeObject'>,
): TableRow {
  const printed = printerFor(resource).print(obj, opts.now);
  const row: TableRow = { cells: printed.cells };
  if (printed.conditions) row.conditions = printed.conditions;
  if (opts.includeObject !== 'None') row.object = rowObject(obj, opts.includeObject);
  return row;
}

/** The Table without its rows (`rows: []`), for writers that stream the rows themselves. */
export function tableHeader(resource: { group: string; kind: string }, opts: PrintTableOptions): Table {
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders ? null : [...printerFor(resource).columns],
    rows: [],
  };
}

export function printTable(
  resource: { group: string; kind: string },
  objects: object[],
  opts: PrintTableOptions,
): Table {
  return { ...tableHeader(resource, opts), rows: objects.map((obj) => tableRow(resource, obj, opts)) };
}
