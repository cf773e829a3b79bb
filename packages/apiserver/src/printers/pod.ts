/** Pod printer: NAME READY STATUS RESTARTS AGE (wide: IP NODE NOMINATED NODE READINESS GATES). */
import type { Pod } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { NONE, translateTimestampSince } from './helpers.js';
import { humanDuration } from './human-duration.js';
import { summarizePod } from './pod-status.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { PrintedRow, Printer, TableRowCondition } from './types.js';

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

function printPod(pod: Pod, now: number): PrintedRow {
  const s = summarizePod(pod);
  const restarts =
    s.restarts !== 0 && s.lastRestart !== undefined
      ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`
      : String(s.restarts);
  // The internal Pod keeps status.podIP authoritative over status.podIPs (v1 conversion).
  const podIP = pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || NONE;
  const row: PrintedRow = {
    cells: [
      pod.metadata?.name ?? '',
      `${s.readyContainers}/${s.totalContainers}`,
      s.reason,
      restarts,
      translateTimestampSince(pod.metadata?.creationTimestamp, now),
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

export const podPrinter: Printer<Pod> = {
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
  print: printPod,
};
