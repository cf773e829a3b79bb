/** The --name flag the cluster commands share (kind's -n/--name, default from KUBELAB_CLUSTER_NAME). */
import type { FlagSpec, FlagValues } from '@kubelab/api';
import { DEFAULT_CLUSTER_NAME } from '../cluster/node-plan.js';

export const CLUSTER_NAME_FLAG: FlagSpec = {
  name: 'name',
  short: 'n',
  type: 'string',
  default: DEFAULT_CLUSTER_NAME,
  usage: 'the cluster name, overrides KUBELAB_CLUSTER_NAME',
};

/** --name if given, else $KUBELAB_CLUSTER_NAME, else the default. */
export function clusterName(flags: FlagValues, set: ReadonlySet<string>, env: NodeJS.ProcessEnv): string {
  if (set.has('name')) return String(flags['name']);
  return env.KUBELAB_CLUSTER_NAME || DEFAULT_CLUSTER_NAME;
}
