/**
 * validateCreate / validateUpdate / validateStatusUpdate: one table from group and kind to the
 * kind's validation, as the registry strategies' Validate / ValidateUpdate call it upstream.
 * Objects are expected defaulted (applyDefaults) before validation, as upstream decodes them.
 */
import type { ApiObject } from '../types/index.js';
import type { FieldError } from './field-errors.js';
import type { KindValidation } from './kind-validation.js';
import { bindingValidation } from './binding.js';
import { configMapValidation } from './configmap.js';
import { controllerRevisionValidation } from './controller-revision.js';
import { cronJobValidation } from './cronjob.js';
import { daemonSetValidation } from './daemonset.js';
import { deploymentValidation } from './deployment.js';
import { endpointsValidation } from './endpoints.js';
import { endpointSliceValidation } from './endpointslice.js';
import { eventValidation } from './event.js';
import { jobValidation } from './job.js';
import { leaseValidation } from './lease.js';
import { namespaceValidation } from './namespace.js';
import { nodeValidation } from './node.js';
import { validateObjectMetaUpdate } from './object-meta.js';
import { podValidation } from './pod-validation.js';
import { replicaSetValidation } from './replicaset.js';
import { secretValidation } from './secret.js';
import { serviceAccountValidation } from './service-account.js';
import { serviceValidation } from './service.js';

type AnyValidation = KindValidation<ApiObject>;
const entry = <T>(v: KindValidation<T>): AnyValidation => v as unknown as AnyValidation;

const VALIDATIONS: Record<string, AnyValidation> = {
  '/Pod': entry(podValidation),
  '/Node': entry(nodeValidation),
  '/Namespace': entry(namespaceValidation),
  '/Event': entry(eventValidation),
  '/ConfigMap': entry(configMapValidation),
  '/Secret': entry(secretValidation),
  '/ServiceAccount': entry(serviceAccountValidation),
  '/Service': entry(serviceValidation),
  '/Endpoints': entry(endpointsValidation),
  '/Binding': entry(bindingValidation),
  'apps/Deployment': entry(deploymentValidation),
  'apps/ReplicaSet': entry(replicaSetValidation),
  'apps/DaemonSet': entry(daemonSetValidation),
  'apps/ControllerRevision': entry(controllerRevisionValidation),
  'batch/Job': entry(jobValidation),
  'batch/CronJob': entry(cronJobValidation),
  'coordination.k8s.io/Lease': entry(leaseValidation),
  'discovery.k8s.io/EndpointSlice': entry(endpointSliceValidation),
};

const lookup = (group: string, kind: string): AnyValidation | undefined => VALIDATIONS[`${group}/${kind}`];

/** Kinds without a table entry (review requests and the like) have nothing to validate. */
export function validateCreate(group: string, kind: string, obj: ApiObject): FieldError[] {
  return lookup(group, kind)?.create(obj) ?? [];
}

export function validateUpdate(group: string, kind: string, newObj: ApiObject, oldObj: ApiObject): FieldError[] {
  return lookup(group, kind)?.update(newObj, oldObj) ?? [];
}

/** The status subresource; kinds without status rules get the ObjectMeta update checks. */
export function validateStatusUpdate(group: string, kind: string, newObj: ApiObject, oldObj: ApiObject): FieldError[] {
  const v = lookup(group, kind);
  if (v?.status) return v.status(newObj, oldObj);
  return validateObjectMetaUpdate(newObj.metadata, oldObj.metadata);
}
