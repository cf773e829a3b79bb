/**
 * What the phases of `create cluster` share (kind's ActionContext): the inputs, the services,
 * and what earlier phases decided (the record once preflight has made it, the credentials
 * once certs has made them). Phases run in kubeadm's order, one after the other.
 */
import type Dockerode from 'dockerode';
import type { Clock, Logger } from '@kubelab/api';
import type { KubeletProcessControl } from '../kubelet-process-api.js';
import type { ClusterRecord, NodeRecord } from '../layout.js';
import type { NodeSpec } from '../node-plan.js';
import type { ClusterCredentials } from '../pki/cluster-credentials.js';
import type { Progress } from '../progress.js';
import type { ControlPlaneComponent } from '../manifests/control-plane-options.js';

export interface CreateContext {
  name: string;
  nodes: NodeSpec[];
  env: NodeJS.ProcessEnv;
  docker: Dockerode;
  clock: Clock;
  logger: Logger;
  progress: Progress;
  signal: AbortSignal;
  kubelets: KubeletProcessControl;
  /** --wait in ms (0: do not wait for Ready). */
  waitMs: number;
  /** Set by preflight once it has checked the name is free: from then on a failure cleans up. */
  owned?: boolean;
  /** Set by preflight. */
  record?: ClusterRecord;
  /** Set by preflight: each node's KubeletConfiguration (generated, merged with the config file's fields). */
  kubeletConfigs?: Map<string, Record<string, unknown>>;
  /** Set by preflight. */
  images?: Record<ControlPlaneComponent, string>;
  /** Set by certs. */
  credentials?: ClusterCredentials;
}

export interface Phase {
  /** kubeadm's phase name, e.g. `certs`. */
  name: string;
  /** The progress title on a terminal. */
  title: string;
  run(ctx: CreateContext): Promise<void>;
}

export function recordOf(ctx: CreateContext): ClusterRecord {
  if (!ctx.record) throw new Error('internal error: the cluster record is not made yet');
  return ctx.record;
}

export function credentialsOf(ctx: CreateContext): ClusterCredentials {
  if (!ctx.credentials) throw new Error('internal error: the credentials are not made yet');
  return ctx.credentials;
}

export function controlPlaneOf(ctx: CreateContext): NodeRecord {
  const cp = recordOf(ctx).nodes.find((n) => n.role === 'control-plane');
  if (!cp) throw new Error('internal error: the cluster has no control-plane node');
  return cp;
}

export function workersOf(ctx: CreateContext): NodeRecord[] {
  return recordOf(ctx).nodes.filter((n) => n.role === 'worker');
}
