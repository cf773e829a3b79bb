/** SetDefaults_NodeStatus (core/v1): canonical quantities, allocatable defaults to capacity. */
import type { Node } from 'kubernetes-types/core/v1.js';
import { defaultResourceList } from './resource-list.js';

export function defaultNode(node: Node): void {
  const status = node.status;
  if (!status) return;
  defaultResourceList(status.capacity);
  defaultResourceList(status.allocatable);
  if (!status.allocatable && status.capacity) status.allocatable = { ...status.capacity };
}
