/** ReplicaSet printer: NAME DESIRED CURRENT READY AGE (wide: CONTAINERS IMAGES SELECTOR). */
import type { ReplicaSet } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { layoutContainerCells, translateTimestampSince } from './helpers.js';
import { formatLabelSelector } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { PrintedRow, Printer } from './types.js';

function printReplicaSet(rs: ReplicaSet, now: number): PrintedRow {
  const { names, images } = layoutContainerCells(rs.spec?.template?.spec?.containers);
  return {
    cells: [
      rs.metadata?.name ?? '',
      // Decoding defaults spec.replicas to 1 (SetDefaults_ReplicaSet).
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ],
  };
}

export const replicaSetPrinter: Printer<ReplicaSet> = {
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
  print: printReplicaSet,
};
