/** Lease printer: NAME HOLDER AGE. */
import type { Lease } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { translateTimestampSince } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { Printer } from './types.js';

export const leasePrinter: Printer<Lease> = {
  columns: [NAME_COLUMN, column('Holder', 'string', SWAGGER_DOC['LeaseSpec.holderIdentity']), AGE_COLUMN],
  print: (lease, now) => ({
    cells: [
      lease.metadata?.name ?? '',
      lease.spec?.holderIdentity ?? '',
      translateTimestampSince(lease.metadata?.creationTimestamp, now),
    ],
  }),
};
