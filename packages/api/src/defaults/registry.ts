/**
 * applyDefaults: the defaulting functions of every kind kubelab serves, dispatched by group and
 * kind, applied in place to a decoded object (what the apiserver does after decoding a request).
 */
import type { ApiObject } from '../types/index.js';
import { defaultCronJob } from './cronjob.js';
import { defaultDaemonSet } from './daemonset.js';
import { defaultDeployment } from './deployment.js';
import { defaultEndpoints } from './endpoints.js';
import { defaultEndpointSlice } from './endpointslice.js';
import { defaultJob } from './job.js';
import { defaultNamespace } from './namespace.js';
import { defaultNode } from './node.js';
import { defaultPod } from './pod.js';
import { defaultReplicaSet } from './replicaset.js';
import { defaultSecret } from './secret.js';
import { defaultService } from './service.js';

// Each defaulter takes the typed object; the table erases the type at the boundary.
type Defaulter = (obj: never) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  '/Pod': defaultPod,
  '/Service': defaultService,
  '/Endpoints': defaultEndpoints,
  '/Secret': defaultSecret,
  '/Namespace': defaultNamespace,
  '/Node': defaultNode,
  'apps/Deployment': defaultDeployment,
  'apps/ReplicaSet': defaultReplicaSet,
  'apps/DaemonSet': defaultDaemonSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  'discovery.k8s.io/EndpointSlice': defaultEndpointSlice,
};

/** Kinds without defaults (ConfigMap, Event, Lease, ...) are left untouched. */
export function applyDefaults(group: string, kind: string, obj: ApiObject): void {
  const fn = DEFAULTERS[`${group}/${kind}`] as ((o: ApiObject) => void) | undefined;
  fn?.(obj);
}
