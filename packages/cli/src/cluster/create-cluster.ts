/**
 * `create cluster` as a library call (kind's Provider.Create): plans the nodes, runs kubeadm's
 * phases in order, merges the kubeconfig into the user's, and deletes what it made if a phase
 * fails (unless retain).
 */
import type Dockerode from 'dockerode';
import { realClock, type Clock, type Logger } from '@kubelab/api';
import { noopLogger } from '@kubelab/api';
import { deleteCluster } from './delete-cluster.js';
import { connectDocker } from './docker-client.js';
import type { ClusterConfig } from './cluster-config.js';
import type { KubeletProcessControl } from './kubelet-process-api.js';
import { KubeletProcess } from './kubelet-process.js';
import type { ClusterRecord } from './layout.js';
import { DEFAULT_CLUSTER_NAME, planNodes, validateClusterName } from './node-plan.js';
import { userContextName, userKubeconfig, apiServerUrl } from './kubeconfigs.js';
import { formatGoDuration } from './go-duration.js';
import { plainProgress, type Progress } from './progress.js';
import { exportUserKubeconfig } from './user-kubeconfig.js';
import type { CreateContext, Phase } from './phases/create-context.js';
import { certsPhase } from './phases/certs.js';
import { controlPlanePhase } from './phases/control-plane.js';
import { kubeconfigPhase } from './phases/kubeconfig.js';
import { kubeletStartPhase } from './phases/kubelet-start.js';
import { markControlPlanePhase } from './phases/mark-control-plane.js';
import { preflightPhase } from './phases/preflight.js';
import { waitControlPlanePhase } from './phases/wait-control-plane.js';
import { waitReadyPhase } from './phases/wait-ready.js';

/** kubeadm init's phases, in its order (plus kind's wait for readiness). */
export const CREATE_PHASES: Phase[] = [
  preflightPhase,
  certsPhase,
  kubeconfigPhase,
  controlPlanePhase,
  kubeletStartPhase,
  waitControlPlanePhase,
  markControlPlanePhase,
];

export interface CreateClusterOptions {
  /** --name; then the config's name; then `kubelab`. */
  name?: string;
  workers?: number;
  config?: ClusterConfig;
  /** --wait (ms): also wait until every node is Ready and every control-plane pod Running. */
  waitMs?: number;
  /** --retain: keep what was made when creation fails. */
  retain?: boolean;
  env?: NodeJS.ProcessEnv;
  docker?: Dockerode;
  clock?: Clock;
  logger?: Logger;
  progress?: Progress;
  signal?: AbortSignal;
  kubelets?: KubeletProcessControl;
}

export interface CreateClusterResult {
  record: ClusterRecord;
  /** The user kubeconfig file the context was merged into. */
  kubeconfigPath: string;
  durationMs: number;
}

export async function createCluster(o: CreateClusterOptions = {}): Promise<CreateClusterResult> {
  const env = o.env ?? process.env;
  const clock = o.clock ?? realClock;
  const started = clock.now();
  const name = o.name || o.config?.name || DEFAULT_CLUSTER_NAME;
  validateClusterName(name);
  const nodes = planNodes(name, o.config, o.workers);
  const progress = o.progress ?? plainProgress({ write: () => undefined });
  const docker = o.docker ?? (await connectDocker(env));
  const kubelets = o.kubelets ?? new KubeletProcess({ env, clock });
  const ctx: CreateContext = {
    name,
    nodes,
    env,
    docker,
    clock,
    logger: o.logger ?? noopLogger,
    progress,
    signal: o.signal ?? new AbortController().signal,
    kubelets,
    waitMs: o.waitMs ?? 0,
  };
  progress.line(`Creating cluster "${name}" ...`);
  const phases = ctx.waitMs > 0 ? [...CREATE_PHASES, waitReadyPhase] : CREATE_PHASES;
  try {
    for (const phase of phases) {
      ctx.signal.throwIfAborted();
      progress.phase(phase.title);
      const phaseStarted = clock.now();
      await phase.run(ctx);
      ctx.logger.debug('Finished phase', { phase: phase.name, durationMs: clock.now() - phaseStarted });
    }
    progress.end(true);
  } catch (err) {
    progress.end(false);
    if (ctx.owned && !o.retain) {
      await deleteCluster(name, { env, docker, kubelets, logger: ctx.logger }).catch((cleanupErr: unknown) =>
        ctx.logger.warn('Failed to delete the half-created cluster', { cluster: name, err: cleanupErr }),
      );
    }
    throw err;
  }
  const record = ctx.record as ClusterRecord;
  const creds = ctx.credentials;
  if (!creds) throw new Error('internal error: no credentials');
  const kubeconfigPath = await exportUserKubeconfig(userKubeconfig(name, apiServerUrl(record.apiServer.port, record.apiServer.host), creds.ca.certPem, creds.admin.token), env);
  const context = userContextName(name);
  progress.line('');
  progress.line('Your Kubernetes control-plane has initialized successfully!');
  progress.line(`Set kubectl context to "${context}" (in ${kubeconfigPath})`);
  progress.line('You can now use your cluster with:');
  progress.line('');
  progress.line(`kubectl cluster-info --context ${context}`);
  progress.line('');
  const durationMs = clock.now() - started;
  progress.line(`Cluster "${name}" created in ${formatGoDuration(Math.round(durationMs))}.`);
  return { record, kubeconfigPath, durationMs };
}
