/**
 * The rows of the compatibility matrix, in the order each kubectl version runs them (later rows
 * use the objects earlier rows made).
 */
import type { MatrixCommand } from './matrix-command.js';
import { batchCommands } from './matrix-commands-batch.js';
import { clusterCommands } from './matrix-commands-cluster.js';
import { nodeCommands } from './matrix-commands-nodes.js';
import { objectCommands } from './matrix-commands-objects.js';
import { outputCommands } from './matrix-commands-output.js';
import { podCommands } from './matrix-commands-pods.js';
import { workloadCommands } from './matrix-commands-workloads.js';

function pick(list: readonly MatrixCommand[], ...names: string[]): MatrixCommand[] {
  return names.map((n) => {
    const found = list.find((c) => c.name === n);
    if (!found) throw new Error(`no matrix command ${n}`);
    return found;
  });
}

const all = [...clusterCommands, ...objectCommands, ...workloadCommands, ...batchCommands, ...outputCommands, ...podCommands, ...nodeCommands];

export const MATRIX_COMMANDS: readonly MatrixCommand[] = pick(
  all,
  'create namespace',
  'version',
  'api-resources',
  'cluster-info',
  'get nodes',
  'explain pod',
  'explain pod.spec.containers.livenessProbe',
  'explain deployment.spec --recursive',
  'apply -f (client-side)',
  'run',
  'create -f',
  'replace -f',
  'edit (scripted EDITOR)',
  'apply --server-side',
  'create deployment (typed client)',
  '--dry-run=server',
  'errors (NotFound, Invalid, unknown field)',
  'label',
  'annotate',
  'patch (merge|json|strategic)',
  'wait --for=condition=Ready',
  'wait --for=jsonpath',
  'rollout status',
  'set image',
  'set env',
  'set resources',
  'rollout history',
  'rollout undo',
  'rollout restart',
  'scale',
  'expose',
  'get all',
  'get -o wide',
  'get -o yaml',
  'get --sort-by',
  'get -L',
  'get --show-labels',
  'get --field-selector',
  'get -o custom-columns',
  'get -o jsonpath',
  'get -o go-template',
  'get -w --output-watch-events',
  'get -o name',
  'describe pod',
  'describe node',
  'events --for',
  'auth can-i',
  'auth can-i --list',
  'auth whoami',
  'logs',
  'logs --since',
  'logs -l',
  'logs --all-containers',
  'logs --previous',
  'exec',
  'exec -i (stdin)',
  'run -i --rm (attach)',
  'cp',
  'port-forward',
  'create job',
  'create cronjob',
  'cordon / uncordon',
  'taint',
  'drain',
  'wait --for=delete',
  'delete',
  'delete namespace',
);

if (MATRIX_COMMANDS.length !== all.length) throw new Error(`matrix commands defined but not run: ${all.filter((c) => !MATRIX_COMMANDS.includes(c)).map((c) => c.name).join(', ')}`);
