/** ReplicaSet printer: NAME DESIRED CURRENT READY AGE (wide: CONTAINERS IMAGES SELECTOR). */
import type { ReplicaSet } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { layoutContainerCells, since } from './helpers.js';
import { formatLabelSelector } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

function printReplicaSet(rs: ReplicaSet): PrintedRow {
  const { names, images } = layoutContainerCells(rs.spec?.template?.spec?.containers);
  return {
    cells: [
      rs.metadata?.name ?? '',
      // Decoding defaults spec.replicas to 1 (SetDefaults_ReplicaSet).
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      since(rs.metadata?.creationTimestamp),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ],
  };
}

export const replicaSetPrinter = definePrinter<ReplicaSet>({
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', SWAGGER_DOC['ReplicaSetSpec.replicas']),
    column('Current', 'integer', SWAGGER_DOC['ReplicaSetStatus.replicas']),
    column('Ready', 'integer', SWAGGER_DOC['ReplicaSetStatus.readyReplicas']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['ReplicaSetSpec.selector']),
  ],
  row: printReplicaSet,
});
