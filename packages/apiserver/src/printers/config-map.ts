/** ConfigMap printer: NAME DATA AGE (DATA counts data and binaryData keys). */
import type { ConfigMap } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { sizeOf, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

export const configMapPrinter = definePrinter<ConfigMap>({
  columns: [NAME_COLUMN, column('Data', 'string', SWAGGER_DOC['ConfigMap.data']), AGE_COLUMN],
  row: (cm) => ({
    cells: [
      cm.metadata?.name ?? '',
      sizeOf(cm.data) + sizeOf(cm.binaryData),
      since(cm.metadata?.creationTimestamp),
    ],
  }),
});
