/**
 * DaemonSet printer: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE
 * (wide: CONTAINERS IMAGES SELECTOR).
 */
import type { DaemonSet } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { formatLabels, layoutContainerCells, since } from './helpers.js';
import { formatLabelSelector } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

function printDaemonSet(ds: DaemonSet): PrintedRow {
  const status = ds.status;
  const { names, images } = layoutContainerCells(ds.spec?.template?.spec?.containers);
  return {
    cells: [
      ds.metadata?.name ?? '',
      status?.desiredNumberScheduled ?? 0,
      status?.currentNumberScheduled ?? 0,
      status?.numberReady ?? 0,
      status?.updatedNumberScheduled ?? 0,
      status?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      since(ds.metadata?.creationTimestamp),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ],
  };
}

export const daemonSetPrinter = definePrinter<DaemonSet>({
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', SWAGGER_DOC['DaemonSetStatus.desiredNumberScheduled']),
    column('Current', 'integer', SWAGGER_DOC['DaemonSetStatus.currentNumberScheduled']),
    column('Ready', 'integer', SWAGGER_DOC['DaemonSetStatus.numberReady']),
    column('Up-to-date', 'integer', SWAGGER_DOC['DaemonSetStatus.updatedNumberScheduled']),
    column('Available', 'integer', SWAGGER_DOC['DaemonSetStatus.numberAvailable']),
    column('Node Selector', 'string', SWAGGER_DOC['PodSpec.nodeSelector']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['DaemonSetSpec.selector']),
  ],
  row: printDaemonSet,
});
