/**
 * Docker create options of a pod sandbox (the pause container holding the pod's network and
 * IPC namespaces): the cluster bridge network or the host's, hostname = pod name, hostPort
 * bindings, labels from labels.ts.
 */
import type Dockerode from 'dockerode';
import type { PortMapping, SandboxConfig } from '../container-runtime.js';
import { sandboxLabels, type Owner } from './labels.js';
import { makeSandboxName } from './naming.js';

export interface SandboxSpecContext extends Owner {
  networkName: string;
  pauseImage: string;
}

export function portBindings(mappings: PortMapping[]): {
  exposed: Record<string, object>;
  bindings: Record<string, { HostIp: string; HostPort: string }[]>;
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const m of mappings) {
    const key = `${m.containerPort}/${m.protocol.toLowerCase()}`;
    exposed[key] = {};
    if (!m.hostPort) continue;
    (bindings[key] ??= []).push({ HostIp: m.hostIP ?? '', HostPort: String(m.hostPort) });
  }
  return { exposed, bindings };
}

export function sandboxCreateOptions(config: SandboxConfig, ctx: SandboxSpecContext): Dockerode.ContainerCreateOptions {
  const { exposed, bindings } = config.hostNetwork ? { exposed: {}, bindings: {} } : portBindings(config.portMappings);
  return {
    name: makeSandboxName(config.pod, config.attempt),
    Image: ctx.pauseImage,
    Hostname: config.hostname || undefined,
    Labels: sandboxLabels(config, ctx),
    ExposedPorts: exposed,
    HostConfig: {
      NetworkMode: config.hostNetwork ? 'host' : ctx.networkName,
      PortBindings: bindings,
      IpcMode: 'shareable',
      RestartPolicy: { Name: 'no' },
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m' } },
    },
  };
}

/** resolv.conf as the kubelet writes it for a pod: nameservers, then search, then options. */
export function formatResolvConf(dns: NonNullable<SandboxConfig['dns']>): string {
  const lines = dns.servers.map((s) => `nameserver ${s}`);
  if (dns.searches.length > 0) lines.push(`search ${dns.searches.join(' ')}`);
  if (dns.options.length > 0) lines.push(`options ${dns.options.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
