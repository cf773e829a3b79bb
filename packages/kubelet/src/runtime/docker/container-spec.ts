/**
 * Docker create options of an app container: it joins its sandbox's network and IPC
 * namespaces (NetworkMode/IpcMode container:<sandbox>), so containers of a pod share
 * localhost; command → Entrypoint and args → Cmd as dockershim did; resources as Docker limits.
 */
import type Dockerode from 'dockerode';
import type { ContainerConfig, RuntimeSandbox } from '../container-runtime.js';
import { containerLabels, type Owner } from './labels.js';
import { makeContainerName } from './naming.js';

/** Docker's json-file rotation: the kubelet copies every line into the CRI file as it comes. */
export const DOCKER_LOG_CONFIG = { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '2' } };

export function dockerResources(r: ContainerConfig['resources']): Partial<Dockerode.HostConfig> {
  const out: Partial<Dockerode.HostConfig> = {};
  if (r.cpuMillis !== undefined && r.cpuMillis > 0) out.NanoCpus = r.cpuMillis * 1_000_000;
  if (r.cpuShares !== undefined && r.cpuShares > 0) out.CpuShares = r.cpuShares;
  if (r.memoryBytes !== undefined && r.memoryBytes > 0) {
    out.Memory = r.memoryBytes;
    // No swap beyond the limit, as on a kubelet node (swap off): the limit is the OOM line.
    out.MemorySwap = r.memoryBytes;
  }
  return out;
}

function user(config: ContainerConfig): string | undefined {
  if (config.runAsUser === undefined) return config.runAsGroup === undefined ? undefined : `0:${config.runAsGroup}`;
  return config.runAsGroup === undefined ? String(config.runAsUser) : `${config.runAsUser}:${config.runAsGroup}`;
}

export function containerCreateOptions(sandbox: RuntimeSandbox, config: ContainerConfig, owner: Owner): Dockerode.ContainerCreateOptions {
  return {
    name: makeContainerName(sandbox.pod, config.name, config.attempt),
    Image: config.image,
    Entrypoint: config.command.length > 0 ? config.command : undefined,
    Cmd: config.args.length > 0 ? config.args : undefined,
    WorkingDir: config.workingDir || undefined,
    Env: config.env.map((e) => `${e.name}=${e.value}`),
    User: user(config),
    Tty: config.tty,
    OpenStdin: config.stdin,
    StdinOnce: config.stdinOnce,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    StopSignal: config.stopSignal,
    Labels: containerLabels(sandbox.pod, sandbox.id, config, owner),
    HostConfig: {
      NetworkMode: `container:${sandbox.id}`,
      IpcMode: `container:${sandbox.id}`,
      Binds: config.mounts.map((m) => `${m.hostPath}:${m.containerPath}${m.readOnly ? ':ro' : ''}`),
      Privileged: config.privileged,
      RestartPolicy: { Name: 'no' },
      LogConfig: DOCKER_LOG_CONFIG,
      ...dockerResources(config.resources),
    },
  };
}
