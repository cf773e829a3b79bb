/** Node printer: NAME STATUS ROLES AGE VERSION (wide: INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME). */
import type { Node } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { NONE, UNKNOWN, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

function nodeStatus(node: Node): string {
  // The last Ready condition wins, as upstream fills a map by condition type.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  const status: string[] = [];
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` label keys and `kubernetes.io/role=<role>`, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? NONE;
}

function printNode(node: Node): PrintedRow {
  const info = node.status?.nodeInfo;
  return {
    cells: [
      node.metadata?.name ?? '',
      nodeStatus(node),
      findNodeRoles(node).join(',') || NONE,
      since(node.metadata?.creationTimestamp),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || UNKNOWN,
      info?.kernelVersion || UNKNOWN,
      info?.containerRuntimeVersion || UNKNOWN,
    ],
  };
}

export const nodePrinter = definePrinter<Node>({
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', SWAGGER_DOC['NodeSystemInfo.kubeletVersion']),
    wide('Internal-IP', 'string', SWAGGER_DOC['NodeStatus.addresses']),
    wide('External-IP', 'string', SWAGGER_DOC['NodeStatus.addresses']),
    wide('OS-Image', 'string', SWAGGER_DOC['NodeSystemInfo.osImage']),
    wide('Kernel-Version', 'string', SWAGGER_DOC['NodeSystemInfo.kernelVersion']),
    wide('Container-Runtime', 'string', SWAGGER_DOC['NodeSystemInfo.containerRuntimeVersion']),
  ],
  row: printNode,
});
