/**
 * A Table row printed once per stored version of an object and served many times: the watch
 * cache keeps it beside the object's JSON, so a Table LIST neither parses nor prints the objects
 * again. Only the time cells (ages, durations) are resolved per request, and the row's metadata
 * is a range of the stored JSON's bytes, not a copy.
 */
import type { StoredJson } from '../cache/stored-json.js';
import { topLevelValueSpan } from './json-value-span.js';
import { resolveCells } from './printer.js';
import { printerFor } from './registry.js';
import type { IncludeObject, PrintedRow } from './types.js';

export interface StoredRow {
  printed: PrintedRow;
  /** Where the object's `metadata` value sits in its stored JSON, in bytes; none: `{}`. */
  metadataBytes?: [number, number];
}

const EMPTY_METADATA = Buffer.from('{}');
const CLOSE = Buffer.from('}');

/** Prints `obj`, whose stored JSON is `json`, as its kind's printer does. */
export function storedRow(
  resource: { group: string; kind: string },
  obj: object,
  json: string,
): StoredRow {
  const printed = printerFor(resource).row(obj);
  const span = topLevelValueSpan(json, 'metadata');
  if (!span) return { printed };
  const ascii = Buffer.byteLength(json) === json.length;
  const toBytes = (i: number): number => (ascii ? i : Buffer.byteLength(json.slice(0, i)));
  return { printed, metadataBytes: [toBytes(span[0]), toBytes(span[1])] };
}

/**
 * Appends the row's JSON to `out`, exactly as `JSON.stringify(tableRow(...))` of the parsed
 * object would be, the object's bytes as views of the stored ones.
 */
export function pushStoredRow(
  out: Buffer[],
  row: StoredRow,
  json: StoredJson,
  includeObject: IncludeObject,
  now: number,
): void {
  let head = `{"cells":${JSON.stringify(resolveCells(row.printed.cells, now))}`;
  if (row.printed.conditions) head += `,"conditions":${JSON.stringify(row.printed.conditions)}`;
  if (includeObject === 'Object') {
    out.push(Buffer.from(`${head},"object":`));
    json.pushTo(out);
  } else if (includeObject === 'Metadata') {
    out.push(
      Buffer.from(
        `${head},"object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":`,
      ),
    );
    if (row.metadataBytes) json.pushTo(out, row.metadataBytes[0], row.metadataBytes[1]);
    else out.push(EMPTY_METADATA);
    out.push(CLOSE);
  } else {
    out.push(Buffer.from(head));
  }
  out.push(CLOSE);
}

/** The row's JSON as one string (see pushStoredRow). */
export function storedRowJson(
  row: StoredRow,
  json: StoredJson,
  includeObject: IncludeObject,
  now: number,
): string {
  const out: Buffer[] = [];
  pushStoredRow(out, row, json, includeObject, now);
  return Buffer.concat(out).toString();
}
