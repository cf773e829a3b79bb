/**
 * Docker's view (list entries and inspect results) → the runtime seam's RuntimeSandbox and
 * RuntimeContainer. State and terminated reason follow dockershim's ContainerStatus:
 * running; else exited with a finish time → OOMKilled | Completed (0) | Error; else a
 * non-zero exit code without a finish time → ContainerCannotRun (the start failed; times
 * are the creation time); else created.
 */
import type Dockerode from 'dockerode';
import type { ContainerState, RuntimeContainer, RuntimeSandbox } from '../container-runtime.js';
import { parseContainerName } from './naming.js';
import {
  CONTAINER_HASH_LABEL,
  CONTAINER_IMAGE_LABEL,
  CONTAINER_LOG_PATH_LABEL,
  CONTAINER_NAME_LABEL,
  CONTAINER_RESTART_COUNT_LABEL,
  HOST_NETWORK_LABEL,
  podRefFromLabels,
  SANDBOX_ATTEMPT_LABEL,
  SANDBOX_ID_LABEL,
} from './labels.js';

/** Docker's zero time is 0001-01-01T00:00:00Z. */
export function dockerTime(value: string | undefined): number | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface NetworkContext {
  networkName: string;
  nodeIP: string;
}

export function toRuntimeSandbox(info: Dockerode.ContainerInfo, ctx: NetworkContext): RuntimeSandbox | undefined {
  const labels = info.Labels ?? {};
  const pod = podRefFromLabels(labels);
  if (!pod) return undefined;
  const parsed = parseContainerName(info.Names[0] ?? '');
  const hostNetwork = labels[HOST_NETWORK_LABEL] === 'true';
  const attemptLabel = labels[SANDBOX_ATTEMPT_LABEL];
  return {
    id: info.Id,
    pod,
    attempt: attemptLabel !== undefined ? Number(attemptLabel) : (parsed?.attempt ?? 0),
    state: info.State === 'running' ? 'ready' : 'notready',
    ip: hostNetwork ? ctx.nodeIP : (info.NetworkSettings?.Networks?.[ctx.networkName]?.IPAddress ?? ''),
    hostNetwork,
    createdAt: info.Created * 1000,
  };
}

export interface ContainerStatusFields {
  state: ContainerState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
}

export function containerStatus(inspect: Dockerode.ContainerInspectInfo): ContainerStatusFields {
  const s = inspect.State;
  const createdAt = dockerTime(inspect.Created) ?? 0;
  const startedAt = dockerTime(s.StartedAt);
  const finishedAt = dockerTime(s.FinishedAt);
  const message = s.Error || undefined;
  if (s.Running) return { state: 'running', createdAt, startedAt, message };
  if (finishedAt !== undefined) {
    const reason = s.OOMKilled ? 'OOMKilled' : s.ExitCode === 0 ? 'Completed' : 'Error';
    return { state: 'exited', createdAt, startedAt, finishedAt, exitCode: s.ExitCode, reason, message };
  }
  if (s.ExitCode !== 0) {
    return { state: 'exited', createdAt, startedAt: createdAt, finishedAt: createdAt, exitCode: s.ExitCode, reason: 'ContainerCannotRun', message };
  }
  if (s.Status === 'created') return { state: 'created', createdAt };
  return { state: 'unknown', createdAt };
}

/** The image reference as dockershim reported it: docker-pullable://repo@digest, else docker://<id>. */
export function imageRef(imageId: string, repoDigests: string[] | undefined): string {
  const digest = repoDigests?.[0];
  return digest ? `docker-pullable://${digest}` : `docker://${imageId}`;
}

export function toRuntimeContainer(inspect: Dockerode.ContainerInspectInfo, imageId: string): RuntimeContainer | undefined {
  const labels = inspect.Config.Labels ?? {};
  const pod = podRefFromLabels(labels);
  if (!pod) return undefined;
  const parsed = parseContainerName(inspect.Name);
  return {
    id: inspect.Id,
    name: labels[CONTAINER_NAME_LABEL] ?? parsed?.containerName ?? '',
    pod,
    sandboxId: labels[SANDBOX_ID_LABEL] ?? '',
    attempt: Number(labels[CONTAINER_RESTART_COUNT_LABEL] ?? parsed?.attempt ?? 0),
    hash: labels[CONTAINER_HASH_LABEL] ?? '',
    image: labels[CONTAINER_IMAGE_LABEL] ?? inspect.Config.Image,
    imageId,
    ...containerStatus(inspect),
    logPath: labels[CONTAINER_LOG_PATH_LABEL] ?? '',
    labels,
  };
}
