/** ServiceAccount printer: NAME SECRETS AGE. */
import type { ServiceAccount } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

export const serviceAccountPrinter = definePrinter<ServiceAccount>({
  columns: [NAME_COLUMN, column('Secrets', 'string', SWAGGER_DOC['ServiceAccount.secrets']), AGE_COLUMN],
  row: (sa) => ({
    cells: [
      sa.metadata?.name ?? '',
      sa.secrets?.length ?? 0,
      since(sa.metadata?.creationTimestamp),
    ],
  }),
});
