/** Namespace printer: NAME STATUS AGE. */
import type { Namespace } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { translateTimestampSince } from './helpers.js';
import type { Printer } from './types.js';

export const namespacePrinter: Printer<Namespace> = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  print: (ns, now) => ({
    cells: [
      ns.metadata?.name ?? '',
      // Decoding defaults an empty phase to Active (SetDefaults_NamespaceStatus).
      ns.status?.phase || 'Active',
      translateTimestampSince(ns.metadata?.creationTimestamp, now),
    ],
  }),
};
