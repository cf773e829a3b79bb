/**
 * The default table for kinds without a printer (k8s.io/apiserver/pkg/registry/rest/table.go):
 * Name plus Created At as an RFC3339 UTC timestamp.
 */
import type { ObjectMeta } from '@kubelab/api';
import { NAME_COLUMN, column } from './columns.js';
import { parseTime } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

/** Go `time.Time.UTC().Format(time.RFC3339)`: whole seconds, `Z`; zero time for an absent one. */
export function formatRFC3339(ts: string | null | undefined): string {
  const ms = parseTime(ts);
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const defaultPrinter = definePrinter<{ metadata?: ObjectMeta }>({
  columns: [
    NAME_COLUMN,
    column('Created At', 'date', SWAGGER_DOC['ObjectMeta.creationTimestamp']),
  ],
  row: (obj) => ({ cells: [obj.metadata?.name ?? '', formatRFC3339(obj.metadata?.creationTimestamp)] }),
});
