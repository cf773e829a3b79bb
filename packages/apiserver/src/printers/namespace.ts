/** Namespace printer: NAME STATUS AGE. */
import type { Namespace } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { since } from './helpers.js';
import { definePrinter } from './printer.js';

export const namespacePrinter = definePrinter<Namespace>({
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  row: (ns) => ({
    cells: [
      ns.metadata?.name ?? '',
      // Decoding defaults an empty phase to Active (SetDefaults_NamespaceStatus).
      ns.status?.phase || 'Active',
      since(ns.metadata?.creationTimestamp),
    ],
  }),
});
