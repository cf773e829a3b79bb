/**
 * Matrix rows that change the node worker (cordon, taint, drain) under the node lock, so that
 * versions running side by side take turns; and the deletions that end a version's run.
 */
import { command } from './matrix-command.js';
import { jsonpath } from './matrix-context.js';
import { equal, failed, matches, succeeded } from './matrix-check.js';
import { doomedPod, draineeDeployment } from './matrix-manifests.js';

export const nodeCommands = [
  command('cordon / uncordon', (x) =>
    x.nodeLock.run(async () => {
      const node = x.cluster.nodeWorker;
      equal('cordon', succeeded('cordon', await x.k(['cordon', node])), `node/${node} cordoned`);
      equal('cordon again', succeeded('cordon', await x.k(['cordon', node])), `node/${node} already cordoned`);
      matches('get node', succeeded('get node', await x.k(['get', 'node', node])), new RegExp(`^${node}\\s+Ready,SchedulingDisabled\\s+<none>\\s+\\S+\\s+v1\\.32\\.0$`, 'm'));
      equal('uncordon', succeeded('uncordon', await x.k(['uncordon', node])), `node/${node} uncordoned`);
      equal('unschedulable', await jsonpath(x, ['node', node], '{.spec.unschedulable}'), '');
    }),
  ),

  command('taint', (x) =>
    x.nodeLock.run(async () => {
      const node = x.cluster.nodeWorker;
      const key = `matrix.kubelab.io/${x.ns}`;
      equal('taint', succeeded('taint', await x.k(['taint', 'node', node, `${key}=yes:NoSchedule`])), `node/${node} tainted`);
      const taints = await jsonpath(x, ['node', node], '{range .spec.taints[*]}{.key}={.value}:{.effect}{"\\n"}{end}');
      matches('taints', taints, new RegExp(`^${key.replace(/\./g, '\\.')}=yes:NoSchedule$`, 'm'));
      const described = succeeded('describe node', await x.k(['describe', 'node', node]));
      // One taint per line, the first after "Taints:".
      matches('describe taints', described, new RegExp(`^(Taints:)?\\s+${key.replace(/\./g, '\\.')}=yes:NoSchedule$`, 'm'));
      equal('untaint', succeeded('untaint', await x.k(['taint', 'node', node, `${key}:NoSchedule-`])), `node/${node} untainted`);
    }),
  ),

  command('drain', async (x) => {
    const node = x.cluster.nodeWorker;
    equal('drainee', succeeded('apply drainee', await x.k(['apply', '-f', '-'], { input: draineeDeployment(node, x.cluster.nodeWorkerTaint) })), 'deployment.apps/drainee created');
    await x.nodeLock.run(async () => {
      succeeded('drainee available', await x.k(['rollout', 'status', 'deployment/drainee', '--timeout=90s']));
      const pod = await jsonpath(x, ['pods', '-l', 'app=drainee'], '{.items[0].metadata.name}');
      const r = await x.k(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=90s']);
      const out = `${succeeded('drain', r)}\n${r.stderr}`;
      matches('drain', out, new RegExp(`^node/${node} cordoned$`, 'm'), new RegExp(`^evicting pod ${x.ns}/${pod}$`, 'm'), new RegExp(`^pod/${pod} evicted$`, 'm'), new RegExp(`^node/${node} drained$`, 'm'));
      equal('uncordon', succeeded('uncordon', await x.k(['uncordon', node])), `node/${node} uncordoned`);
      // The replacement pod would land on the node again; take it away before the next version drains.
      equal('delete drainee', succeeded('delete', await x.k(['delete', 'deployment', 'drainee'])), 'deployment.apps "drainee" deleted');
    });
  }),

  command('wait --for=delete', async (x) => {
    equal('create doomed', succeeded('apply', await x.k(['apply', '-f', '-'], { input: doomedPod })), 'pod/doomed created');
    succeeded('doomed ready', await x.k(['wait', '--for=condition=Ready', 'pod/doomed', '--timeout=90s']));
    equal('delete --wait=false', succeeded('delete', await x.k(['delete', 'pod', 'doomed', '--wait=false'])), 'pod "doomed" deleted');
    const status = await jsonpath(x, ['pod', 'doomed'], '{.metadata.deletionTimestamp}');
    matches('terminating', status, /^\d{4}-/);
    equal('wait --for=delete', succeeded('wait', await x.k(['wait', '--for=delete', 'pod/doomed', '--timeout=60s'])), 'pod/doomed condition met');
  }),

  command('delete', async (x) => {
    equal('delete pod', succeeded('delete', await x.k(['delete', 'pod', 'solo'])), 'pod "solo" deleted');
    equal('delete -l', succeeded('delete', await x.k(['delete', 'pods', '-l', 'app=box'])), 'pod "box" deleted');
    equal('delete several', succeeded('delete', await x.k(['delete', 'configmap', 'made', 'ssa', 'lit'])), 'configmap "made" deleted\nconfigmap "ssa" deleted\nconfigmap "lit" deleted');
    equal('delete NotFound', failed('delete', await x.k(['delete', 'pod', 'nope']), 1), 'Error from server (NotFound): pods "nope" not found');
    equal('delete deployment', succeeded('delete', await x.k(['delete', 'deployment', 'typed'])), 'deployment.apps "typed" deleted');
  }),

  command('delete namespace', async (x) => {
    equal('delete namespace', succeeded('delete', await x.k(['delete', 'namespace', x.ns, '--timeout=120s'])), `namespace "${x.ns}" deleted`);
  }),
];
