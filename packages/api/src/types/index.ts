/**
 * The Kubernetes object types every component shares, from `kubernetes-types` (made mutable:
 * the upstream declarations are readonly, but servers and controllers build and change them),
 * plus the few generic shapes the libraries work with.
 */
/** Removes `readonly` at every depth. */
export type DeepMutable<T> = T extends (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

import type * as k0 from 'kubernetes-types/core/v1.js';
export type Pod = DeepMutable<k0.Pod>;
export type PodSpec = DeepMutable<k0.PodSpec>;
export type PodStatus = DeepMutable<k0.PodStatus>;
export type PodCondition = DeepMutable<k0.PodCondition>;
export type PodList = DeepMutable<k0.PodList>;
export type Container = DeepMutable<k0.Container>;
export type ContainerPort = DeepMutable<k0.ContainerPort>;
export type ContainerStatus = DeepMutable<k0.ContainerStatus>;
export type ContainerState = DeepMutable<k0.ContainerState>;
export type EnvVar = DeepMutable<k0.EnvVar>;
export type EnvFromSource = DeepMutable<k0.EnvFromSource>;
export type Volume = DeepMutable<k0.Volume>;
export type VolumeMount = DeepMutable<k0.VolumeMount>;
export type Probe = DeepMutable<k0.Probe>;
export type Toleration = DeepMutable<k0.Toleration>;
export type Taint = DeepMutable<k0.Taint>;
export type Node = DeepMutable<k0.Node>;
export type NodeSpec = DeepMutable<k0.NodeSpec>;
export type NodeStatus = DeepMutable<k0.NodeStatus>;
export type NodeCondition = DeepMutable<k0.NodeCondition>;
export type NodeAddress = DeepMutable<k0.NodeAddress>;
export type Namespace = DeepMutable<k0.Namespace>;
export type Event = DeepMutable<k0.Event>;
export type ConfigMap = DeepMutable<k0.ConfigMap>;
export type Secret = DeepMutable<k0.Secret>;
export type ServiceAccount = DeepMutable<k0.ServiceAccount>;
export type Service = DeepMutable<k0.Service>;
export type ServicePort = DeepMutable<k0.ServicePort>;
export type Endpoints = DeepMutable<k0.Endpoints>;
export type Binding = DeepMutable<k0.Binding>;
export type ObjectReference = DeepMutable<k0.ObjectReference>;
export type ResourceRequirements = DeepMutable<k0.ResourceRequirements>;
export type Affinity = DeepMutable<k0.Affinity>;
export type NodeSelectorRequirement = DeepMutable<k0.NodeSelectorRequirement>;
import type * as k1 from 'kubernetes-types/apps/v1.js';
export type Deployment = DeepMutable<k1.Deployment>;
export type DeploymentSpec = DeepMutable<k1.DeploymentSpec>;
export type DeploymentStatus = DeepMutable<k1.DeploymentStatus>;
export type ReplicaSet = DeepMutable<k1.ReplicaSet>;
export type DaemonSet = DeepMutable<k1.DaemonSet>;
export type ControllerRevision = DeepMutable<k1.ControllerRevision>;
import type * as k2 from 'kubernetes-types/coordination/v1.js';
export type Lease = DeepMutable<k2.Lease>;
import type * as k5 from 'kubernetes-types/discovery/v1.js';
export type EndpointSlice = DeepMutable<k5.EndpointSlice>;
export type DiscoveryEndpoint = DeepMutable<k5.Endpoint>;
export type DiscoveryEndpointPort = DeepMutable<k5.EndpointPort>;
import type * as k3 from 'kubernetes-types/batch/v1.js';
export type Job = DeepMutable<k3.Job>;
export type CronJob = DeepMutable<k3.CronJob>;
import type * as k4 from 'kubernetes-types/meta/v1.js';
export type ObjectMeta = DeepMutable<k4.ObjectMeta>;
export type OwnerReference = DeepMutable<k4.OwnerReference>;
export type ListMeta = DeepMutable<k4.ListMeta>;
export type LabelSelector = DeepMutable<k4.LabelSelector>;
export type LabelSelectorRequirement = DeepMutable<k4.LabelSelectorRequirement>;
export type Time = DeepMutable<k4.Time>;
export type MicroTime = DeepMutable<k4.MicroTime>;
export type DeleteOptions = DeepMutable<k4.DeleteOptions>;
export type Preconditions = DeepMutable<k4.Preconditions>;

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
