/**
 * The command tree. Every leaf command is one file exporting a Command; register it by
 * importing it here and adding it to COMMANDS (its `path` places it: ['node', 'exec'] is
 * `kubelab node exec`). Groups are listed in GROUPS with their help text.
 */
import type { Command, CommandGroup } from './command.js';
import { createClusterCommand } from './create-cluster.js';
import { deleteClusterCommand } from './delete-cluster.js';
import { getClustersCommand } from './get-clusters.js';
import { getKubeconfigCommand } from './get-kubeconfig.js';
import { getNodesCommand } from './get-nodes.js';
import { versionCommand } from './version.js';
import { loadImageCommand } from './load-image.js';
import { nodeExecCommand } from './node-exec.js';
import { nodeRestartCommand } from './node-restart.js';
import { nodeSshCommand } from './node-ssh.js';
import { nodeStartCommand } from './node-start.js';
import { nodeStopCommand } from './node-stop.js';
import { nodeToolCommand } from '../node/node-tool-command.js';

export const GROUPS: CommandGroup[] = [
  { path: [], short: 'kubelab creates and manages local Kubernetes clusters whose nodes are kubelet processes on this machine' },
  { path: ['create'], short: 'Creates one of [cluster]' },
  { path: ['delete'], short: 'Deletes one of [cluster]' },
  { path: ['get'], short: 'Gets one of [clusters, nodes, kubeconfig]' },
  { path: ['node'], short: "Runs commands in a node's view, or stops, starts and restarts its kubelet" },
  { path: ['load'], short: 'Loads images into the cluster' },
];

export const COMMANDS: Command[] = [
  createClusterCommand,
  deleteClusterCommand,
  getClustersCommand,
  getNodesCommand,
  getKubeconfigCommand,
  versionCommand,
  nodeExecCommand,
  nodeSshCommand,
  nodeStopCommand,
  nodeStartCommand,
  nodeRestartCommand,
  nodeToolCommand,
  loadImageCommand,
];
