/** ConfigMap printer: NAME DATA AGE (DATA counts data and binaryData keys). */
import type { ConfigMap } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { sizeOf, translateTimestampSince } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { Printer } from './types.js';

export const configMapPrinter: Printer<ConfigMap> = {
  columns: [NAME_COLUMN, column('Data', 'string', SWAGGER_DOC['ConfigMap.data']), AGE_COLUMN],
  print: (cm, now) => ({
    cells: [
      cm.metadata?.name ?? '',
      sizeOf(cm.data) + sizeOf(cm.binaryData),
      translateTimestampSince(cm.metadata?.creationTimestamp, now),
    ],
  }),
};
