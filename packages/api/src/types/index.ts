/**
 * The Kubernetes object types every component shares, from `kubernetes-types`, plus the few
 * generic shapes the libraries work with.
 */
export type {
  Pod,
  PodSpec,
  PodStatus,
  PodCondition,
  PodList,
  Container,
  ContainerPort,
  ContainerStatus,
  ContainerState,
  EnvVar,
  EnvFromSource,
  Volume,
  VolumeMount,
  Probe,
  Toleration,
  Taint,
  Node,
  NodeSpec,
  NodeStatus,
  NodeCondition,
  NodeAddress,
  Namespace,
  Event,
  ConfigMap,
  Secret,
  ServiceAccount,
  Service,
  ServicePort,
  Endpoints,
  Binding,
  ObjectReference,
  ResourceRequirements,
  Affinity,
  NodeSelectorRequirement,
} from 'kubernetes-types/core/v1.js';
export type {
  Deployment,
  DeploymentSpec,
  DeploymentStatus,
  ReplicaSet,
  DaemonSet,
  ControllerRevision,
} from 'kubernetes-types/apps/v1.js';
export type { Lease } from 'kubernetes-types/coordination/v1.js';
export type { Job, CronJob } from 'kubernetes-types/batch/v1.js';
export type {
  ObjectMeta,
  OwnerReference,
  ListMeta,
  LabelSelector,
  LabelSelectorRequirement,
  Time,
  MicroTime,
  DeleteOptions,
  Preconditions,
} from 'kubernetes-types/meta/v1.js';

import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

/** Any API object: apiVersion, kind, metadata and whatever else its type has. */
export interface ApiObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

/** An object whose metadata is known to be present (everything that came out of storage). */
export interface StoredApiObject extends ApiObject {
  metadata: ObjectMeta & { name: string; resourceVersion: string; uid: string };
}

export interface ApiList<T extends ApiObject = ApiObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T = ApiObject> {
  type: WatchEventType;
  object: T;
}
