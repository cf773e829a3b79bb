/** ControllerRevision printer: NAME CONTROLLER REVISION AGE (`daemonset.apps/fluentd`). */
import type { ControllerRevision } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { NONE, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

/** `kind.group/name` lower-cased (`kind/name` for the core group), as formatResourceName prints it. */
function controllerName(rev: ControllerRevision): string {
  const ref = (rev.metadata?.ownerReferences ?? []).find((o) => o.controller === true);
  if (!ref) return NONE;
  const parts = (ref.apiVersion ?? '').split('/');
  const group = parts.length === 2 ? (parts[0] ?? '') : '';
  const kind = ref.kind ?? '';
  if (!group && !kind) return ref.name;
  const groupKind = group ? `${kind}.${group}` : kind;
  return `${groupKind.toLowerCase()}/${ref.name}`;
}

function printControllerRevision(rev: ControllerRevision): PrintedRow {
  return {
    cells: [
      rev.metadata?.name ?? '',
      controllerName(rev),
      rev.revision ?? 0,
      since(rev.metadata?.creationTimestamp),
    ],
  };
}

export const controllerRevisionPrinter = definePrinter<ControllerRevision>({
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', SWAGGER_DOC['ControllerRevision.revision']),
    AGE_COLUMN,
  ],
  row: printControllerRevision,
});
