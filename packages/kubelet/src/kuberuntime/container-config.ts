/**
 * The runtime configuration of one container of a pod: resolved environment, expanded command,
 * volume mounts (with subPath), the termination-message file, limits and the log file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Container, Pod } from '@kubelab/api';
import { commandAndArgs } from '../container/command-and-args.js';
import { containerHash } from '../container/container-hash.js';
import { toResources } from '../container/container-resources.js';
import type { EnvContext } from '../container/resolve-env.js';
import { CreateContainerConfigError, resolveEnv } from '../container/resolve-env.js';
import type { NodeRoot } from '../node-root.js';
import type { ContainerConfig, Mount } from '../runtime/container-runtime.js';
import type { MountedVolume } from '../volumes/volume-manager.js';

export function podLogDirectory(nodeRoot: NodeRoot, pod: Pod): string {
  const m = pod.metadata ?? {};
  return nodeRoot.hostPath(`/var/log/pods/${m.namespace ?? ''}_${m.name ?? ''}_${m.uid ?? ''}`);
}

export function containerLogPath(nodeRoot: NodeRoot, pod: Pod, container: string, attempt: number): string {
  return join(podLogDirectory(nodeRoot, pod), container, `${attempt}.log`);
}

export interface ContainerConfigInputs {
  pod: Pod;
  container: Container;
  attempt: number;
  volumes: Map<string, MountedVolume>;
  env: EnvContext;
  nodeRoot: NodeRoot;
}

export async function buildContainerConfig(inp: ContainerConfigInputs): Promise<ContainerConfig> {
  const { pod, container } = inp;
  const env = await resolveEnv(pod, container, inp.env);
  const { command, args } = commandAndArgs(container, env);
  const mounts: Mount[] = [];
  for (const vm of container.volumeMounts ?? []) {
    const vol = inp.volumes.get(vm.name);
    if (!vol) throw new CreateContainerConfigError(`cannot find volume "${vm.name}" to mount into container "${container.name}"`);
    let hostPath = vol.hostPath;
    if (vm.subPath) {
      hostPath = join(hostPath, vm.subPath);
      await mkdir(hostPath, { recursive: true }).catch(() => undefined);
    }
    mounts.push({ hostPath, containerPath: vm.mountPath, readOnly: vm.readOnly ?? vol.readOnly });
  }
  const uid = pod.metadata?.uid ?? '';
  if (container.terminationMessagePath) {
    const file = inp.nodeRoot.hostPath(`/var/lib/kubelet/pods/${uid}/containers/${container.name}/${randomBytes(4).toString('hex')}`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '', { mode: 0o666 });
    mounts.push({ hostPath: file, containerPath: container.terminationMessagePath, readOnly: false });
  }
  const logPath = containerLogPath(inp.nodeRoot, pod, container.name, inp.attempt);
  await mkdir(dirname(logPath), { recursive: true });
  const sc = container.securityContext;
  const podSc = pod.spec?.securityContext;
  const config: ContainerConfig = {
    name: container.name,
    attempt: inp.attempt,
    hash: containerHash(container),
    image: container.image ?? '',
    command,
    args,
    env,
    mounts,
    tty: container.tty ?? false,
    stdin: container.stdin ?? false,
    stdinOnce: container.stdinOnce ?? false,
    resources: toResources(container),
    privileged: sc?.privileged ?? false,
    logPath,
    labels: {},
  };
  if (container.workingDir) config.workingDir = container.workingDir;
  const runAsUser = sc?.runAsUser ?? podSc?.runAsUser;
  const runAsGroup = sc?.runAsGroup ?? podSc?.runAsGroup;
  if (runAsUser !== undefined) config.runAsUser = runAsUser;
  if (runAsGroup !== undefined) config.runAsGroup = runAsGroup;
  return config;
}
