/**
 * Host ports of a cluster. Every kubelet and control-plane component binds on the host (the
 * components are hostNetwork), so each cluster gets its own: the upstream default when free
 * (6443, 10250, 10248, 10259, 10257), else the next free port above it. Ports recorded by other
 * clusters count as taken even while nothing listens on them (a stopped kubelet).
 */
import { createServer } from 'node:net';

export const DEFAULT_PORTS = {
  apiServer: 6443,
  kubelet: 10250,
  healthz: 10248,
  scheduler: 10259,
  controllerManager: 10257,
} as const;

export interface NodePorts {
  kubelet: number;
  healthz: number;
}

export interface PortPlan {
  apiServer: number;
  scheduler: number;
  controllerManager: number;
  nodes: NodePorts[];
}

/** Whether something may bind this port: resolves false when it is in use. */
export type PortProbe = (port: number) => Promise<boolean>;

export const probePort: PortProbe = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });

export interface AllocateOptions {
  /** Per node: ports its kubelet configuration fixes (from the config file), if any. */
  nodes: Partial<NodePorts>[];
  /** Ports other clusters recorded. */
  reserved: Iterable<number>;
  probe?: PortProbe;
}

export async function allocatePorts(o: AllocateOptions): Promise<PortPlan> {
  const probe = o.probe ?? probePort;
  const taken = new Set(o.reserved);
  for (const n of o.nodes) {
    if (n.kubelet) taken.add(n.kubelet);
    if (n.healthz) taken.add(n.healthz);
  }
  const next = async (from: number): Promise<number> => {
    for (let port = from; port < 65536; port++) {
      if (taken.has(port)) continue;
      if (await probe(port)) {
        taken.add(port);
        return port;
      }
    }
    throw new Error(`no free port at or above ${from}`);
  };
  const apiServer = await next(DEFAULT_PORTS.apiServer);
  const controllerManager = await next(DEFAULT_PORTS.controllerManager);
  const scheduler = await next(DEFAULT_PORTS.scheduler);
  const nodes: NodePorts[] = [];
  for (const n of o.nodes) {
    nodes.push({
      kubelet: n.kubelet ?? (await next(DEFAULT_PORTS.kubelet)),
      healthz: n.healthz ?? (await next(DEFAULT_PORTS.healthz)),
    });
  }
  return { apiServer, scheduler, controllerManager, nodes };
}
