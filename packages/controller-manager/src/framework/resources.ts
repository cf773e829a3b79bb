/**
 * The resources the controllers read and write, looked up once in the shared resource table.
 */
import { findResource, type ResourceInfo } from '@kubelab/api';

function must(group: string, version: string, plural: string): ResourceInfo {
  const info = findResource(group, version, plural);
  if (!info)
    throw new Error(
      `resource ${plural}.${group || 'core'}/${version} is not in the resource table`,
    );
  return info;
}

export const PODS = must('', 'v1', 'pods');
export const NODES = must('', 'v1', 'nodes');
export const NAMESPACES = must('', 'v1', 'namespaces');
export const SERVICE_ACCOUNTS = must('', 'v1', 'serviceaccounts');
export const CONFIG_MAPS = must('', 'v1', 'configmaps');
export const SERVICES = must('', 'v1', 'services');
export const ENDPOINTS = must('', 'v1', 'endpoints');
export const EVENTS = must('', 'v1', 'events');
export const LEASES = must('coordination.k8s.io', 'v1', 'leases');
export const DEPLOYMENTS = must('apps', 'v1', 'deployments');
export const REPLICA_SETS = must('apps', 'v1', 'replicasets');
export const DAEMON_SETS = must('apps', 'v1', 'daemonsets');
export const CONTROLLER_REVISIONS = must('apps', 'v1', 'controllerrevisions');
export const ENDPOINT_SLICES = must('discovery.k8s.io', 'v1', 'endpointslices');
export const JOBS = must('batch', 'v1', 'jobs');
export const CRON_JOBS = must('batch', 'v1', 'cronjobs');
