/** Lease printer: NAME HOLDER AGE. */
import type { Lease } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

export const leasePrinter = definePrinter<Lease>({
  columns: [NAME_COLUMN, column('Holder', 'string', SWAGGER_DOC['LeaseSpec.holderIdentity']), AGE_COLUMN],
  row: (lease) => ({
    cells: [
      lease.metadata?.name ?? '',
      lease.spec?.holderIdentity ?? '',
      since(lease.metadata?.creationTimestamp),
    ],
  }),
});
