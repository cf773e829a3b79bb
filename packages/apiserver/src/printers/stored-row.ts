/**
 * A Table row printed once per stored version of an object and served many times: the watch
 * cache keeps it beside the object's JSON, so a Table LIST neither parses nor prints the objects
 * again. Only the time cells (ages, durations) are resolved per request, and the row's metadata
 * is a slice of the stored JSON, not a copy.
 */
import { topLevelValueSpan } from './json-value-span.js';
import { resolveCells } from './printer.js';
import { printerFor } from './registry.js';
import type { IncludeObject, PrintedRow } from './types.js';

export interface StoredRow {
  printed: PrintedRow;
  /** The object's `metadata` as JSON, `{}` when it has none. */
  metadataJson: string;
}

/** Prints `obj`, whose stored JSON is `json`, as its kind's printer does. */
export function storedRow(
  resource: { group: string; kind: string },
  obj: object,
  json: string,
): StoredRow {
  const span = topLevelValueSpan(json, 'metadata');
  return {
    printed: printerFor(resource).row(obj),
    metadataJson: span ? json.slice(span[0], span[1]) : '{}',
  };
}

/** The row as JSON, exactly as `JSON.stringify(tableRow(...))` of the parsed object would be. */
export function storedRowJson(
  row: StoredRow,
  json: string,
  includeObject: IncludeObject,
  now: number,
): string {
  let out = `{"cells":${JSON.stringify(resolveCells(row.printed.cells, now))}`;
  if (row.printed.conditions) out += `,"conditions":${JSON.stringify(row.printed.conditions)}`;
  if (includeObject === 'Object') out += `,"object":${json}`;
  else if (includeObject === 'Metadata') {
    out += `,"object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":${row.metadataJson}}`;
  }
  return `${out}}`;
}
