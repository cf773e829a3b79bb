/** ServiceAccount printer: NAME SECRETS AGE. */
import type { ServiceAccount } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { translateTimestampSince } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { Printer } from './types.js';

export const serviceAccountPrinter: Printer<ServiceAccount> = {
  columns: [NAME_COLUMN, column('Secrets', 'string', SWAGGER_DOC['ServiceAccount.secrets']), AGE_COLUMN],
  print: (sa, now) => ({
    cells: [
      sa.metadata?.name ?? '',
      sa.secrets?.length ?? 0,
      translateTimestampSince(sa.metadata?.creationTimestamp, now),
    ],
  }),
};
