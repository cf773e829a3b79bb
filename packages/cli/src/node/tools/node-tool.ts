/**
 * The node tools (`crictl`, `docker`, `systemctl`, `journalctl`) run for one node: each is a
 * shim on the PATH of the node's view that ends here with the tool's name and arguments.
 */
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { NODE_PATHS } from '../../cluster/layout.js';
import type { NodeKubeletControl } from '../kubelet-control.js';
import type { NodeTarget } from '../node-target.js';
import { runCrictl } from './crictl/crictl.js';
import { NodeRuntimeView } from './crictl/runtime-view.js';
import { execDocker, findRealDocker, nodeDockerArgs } from './docker/docker-shim.js';
import { runJournalctl } from './journal/journalctl.js';
import { runSystemctl, type KubeletUnitControl } from './systemctl/systemctl.js';
import { write, type ToolIO } from './tool-io.js';

export const NODE_TOOLS = ['crictl', 'docker', 'systemctl', 'journalctl'] as const;
export type NodeToolName = (typeof NODE_TOOLS)[number];

export interface NodeToolDeps {
  target: NodeTarget;
  docker: Dockerode;
  kubelet: NodeKubeletControl;
  io: ToolIO;
  /** PATH to look for the real docker CLI in, and the shim directories to skip. */
  path: string;
  shimDirs: string[];
  now?: () => number;
}

export function isNodeTool(name: string): name is NodeToolName {
  return (NODE_TOOLS as readonly string[]).includes(name);
}

export function kubeletUnit(target: NodeTarget, control: NodeKubeletControl): KubeletUnitControl {
  return {
    status: async () => {
      const s = await control.status(target.cluster, target.node);
      // Stopped, it has no process to read: show the command line it would start.
      return s.commandLine.length > 0 || !control.commandLine ? s : { ...s, commandLine: control.commandLine(target.cluster, target.node) };
    },
    start: () => control.start(target.cluster, target.node),
    stop: () => control.stop(target.cluster, target.node),
    restart: () => control.restart(target.cluster, target.node),
  };
}

export async function runNodeTool(tool: NodeToolName, args: string[], deps: NodeToolDeps): Promise<number> {
  const { target, io } = deps;
  const now = deps.now ?? Date.now;
  const kubeletLog = join(target.node.root, NODE_PATHS.kubeletLog);
  switch (tool) {
    case 'crictl': {
      const view = new NodeRuntimeView(deps.docker, { cluster: target.cluster.name, node: target.node.name });
      return runCrictl(args, { docker: deps.docker, view, io, now, nodeRoot: target.node.root });
    }
    case 'docker': {
      const real = findRealDocker(deps.path, deps.shimDirs);
      if (!real) {
        await write(io.stderr, 'docker: command not found\n');
        return 127;
      }
      return execDocker(real, nodeDockerArgs(args, { cluster: target.cluster.name, node: target.node.name }));
    }
    case 'systemctl':
      return runSystemctl(args, { io, hostname: target.node.name, kubelet: kubeletUnit(target, deps.kubelet), kubeletLog, now: () => new Date(now()) });
    case 'journalctl': {
      const unit = kubeletUnit(target, deps.kubelet);
      return runJournalctl(args, {
        io,
        hostname: target.node.name,
        kubeletLog,
        kubeletPid: async () => (await unit.status()).pid,
        now: () => new Date(now()),
      });
    }
  }
}
