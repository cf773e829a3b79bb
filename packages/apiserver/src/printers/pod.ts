/** Pod printer: NAME READY STATUS RESTARTS AGE (wide: IP NODE NOMINATED NODE READINESS GATES). */
import type { Pod } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { NONE, since } from './helpers.js';
import { humanDuration } from './human-duration.js';
import { summarizePod } from './pod-status.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow, TableRowCondition, TimeCell } from './types.js';

const SUCCEEDED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const ready = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True');
  return `${ready.length}/${gates.length}`;
}

function printPod(pod: Pod): PrintedRow {
  const s = summarizePod(pod);
  const { restarts: count, lastRestart } = s;
  const restarts: TimeCell | string =
    count !== 0 && lastRestart !== undefined
      ? (now) => `${count} (${humanDuration(now - lastRestart)} ago)`
      : String(count);
  // The internal Pod keeps status.podIP authoritative over status.podIPs (v1 conversion).
  const podIP = pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || NONE;
  const row: PrintedRow = {
    cells: [
      pod.metadata?.name ?? '',
      `${s.readyContainers}/${s.totalContainers}`,
      s.reason,
      restarts,
      since(pod.metadata?.creationTimestamp),
      podIP,
      pod.spec?.nodeName || NONE,
      pod.status?.nominatedNodeName || NONE,
      readinessGates(pod),
    ],
  };
  if (pod.status?.phase === 'Succeeded') row.conditions = SUCCEEDED;
  if (pod.status?.phase === 'Failed') row.conditions = FAILED;
  return row;
}

export const podPrinter = definePrinter<Pod>({
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    wide('IP', 'string', SWAGGER_DOC['PodStatus.podIP']),
    wide('Node', 'string', SWAGGER_DOC['PodSpec.nodeName']),
    wide('Nominated Node', 'string', SWAGGER_DOC['PodStatus.nominatedNodeName']),
    wide('Readiness Gates', 'string', SWAGGER_DOC['PodSpec.readinessGates']),
  ],
  row: printPod,
});
