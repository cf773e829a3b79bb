/** Deployment printer: NAME READY UP-TO-DATE AVAILABLE AGE (wide: CONTAINERS IMAGES SELECTOR). */
import type { Deployment } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { layoutContainerCells, since } from './helpers.js';
import { labelSelectorString } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

function printDeployment(d: Deployment): PrintedRow {
  // Decoding defaults spec.replicas to 1 (SetDefaults_Deployment).
  const desired = d.spec?.replicas ?? 1;
  const { names, images } = layoutContainerCells(d.spec?.template?.spec?.containers);
  // Unlike most printers, an empty selector prints as "" here, not <none>.
  const selector = labelSelectorString(d.spec?.selector) ?? '<invalid>';
  return {
    cells: [
      d.metadata?.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${desired}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      since(d.metadata?.creationTimestamp),
      names,
      images,
      selector,
    ],
  };
}

export const deploymentPrinter = definePrinter<Deployment>({
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', SWAGGER_DOC['DeploymentStatus.updatedReplicas']),
    column('Available', 'string', SWAGGER_DOC['DeploymentStatus.availableReplicas']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['DeploymentSpec.selector']),
  ],
  row: printDeployment,
});
