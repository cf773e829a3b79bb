/** Facts about this node for its Node object: capacity, nodeInfo, addresses, labels. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import type { Taint } from '@kubelab/api';

export const KUBELET_VERSION = 'v1.32.0';

export interface NodeFacts {
  nodeName: string;
  nodeIp: string;
  kubeletPort: number;
  runtimeVersion: string;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  taints: Taint[];
  machineId: string;
  systemUuid: string;
  bootId: string;
  kernelVersion: string;
  osImage: string;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}

export function osImage(): string {
  const text = readOr('/etc/os-release', '');
  const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
  return m?.[1] ?? 'Linux';
}

/** A stable per-node ID derived from the host's machine-id, so nodes on one host differ. */
export function nodeMachineId(nodeName: string): string {
  const base = readOr('/etc/machine-id', os.hostname());
  return createHash('md5').update(`${base}:${nodeName}`).digest('hex');
}

function toUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface CapacityConfig {
  cpu?: string;
  memory?: string;
  pods?: number;
  ephemeralStorage?: string;
  /** Subtracted from capacity (systemReserved + kubeReserved), plus the 100Mi memory eviction threshold. */
  reservedCpuMillis?: number;
  reservedMemoryBytes?: number;
}

export function nodeCapacity(cfg: CapacityConfig): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const cpu = cfg.cpu ?? String(os.cpus().length);
  const memKi = Math.floor(os.totalmem() / 1024);
  const memory = cfg.memory ?? `${memKi}Ki`;
  const pods = String(cfg.pods ?? 110);
  const storage = cfg.ephemeralStorage ?? '100Gi';
  const capacity = { cpu, 'ephemeral-storage': storage, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods };
  const allocatable = { ...capacity };
  if (!cfg.memory) {
    const allocKi = memKi - 100 * 1024 - Math.floor((cfg.reservedMemoryBytes ?? 0) / 1024);
    allocatable.memory = `${allocKi}Ki`;
  }
  if (cfg.reservedCpuMillis && !cfg.cpu) {
    allocatable.cpu = `${os.cpus().length * 1000 - cfg.reservedCpuMillis}m`;
  }
  return { capacity, allocatable };
}

export function defaultNodeLabels(nodeName: string, extra: Record<string, string>): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': nodeName,
    'kubernetes.io/os': 'linux',
    ...extra,
  };
}

export function systemFacts(nodeName: string): Pick<NodeFacts, 'machineId' | 'systemUuid' | 'bootId' | 'kernelVersion' | 'osImage'> {
  const machineId = nodeMachineId(nodeName);
  return {
    machineId,
    systemUuid: toUuid(createHash('md5').update(`uuid:${machineId}`).digest('hex')),
    bootId: readOr('/proc/sys/kernel/random/boot_id', toUuid(machineId)),
    kernelVersion: os.release(),
    osImage: osImage(),
  };
}
