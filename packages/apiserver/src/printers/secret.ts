/** Secret printer: NAME TYPE DATA AGE. */
import type { Secret } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

export const secretPrinter = definePrinter<Secret>({
  columns: [
    NAME_COLUMN,
    column('Type', 'string', SWAGGER_DOC['Secret.type']),
    column('Data', 'string', SWAGGER_DOC['Secret.data']),
    AGE_COLUMN,
  ],
  row: (secret) => {
    // The v1 -> internal conversion merges stringData into data.
    const keys = new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})]);
    return {
      cells: [
        secret.metadata?.name ?? '',
        // Decoding defaults an empty type to Opaque (SetDefaults_Secret).
        secret.type || 'Opaque',
        keys.size,
        since(secret.metadata?.creationTimestamp),
      ],
    };
  },
});
