/**
 * Matrix rows about `get` and its output options: -o wide|yaml|custom-columns|jsonpath|
 * go-template|name, --sort-by, -L, --show-labels, --field-selector, -l.
 */
import { parse } from 'yaml';
import { command } from './matrix-command.js';
import { equal, hasHeader, matches, rowsOf, succeeded } from './matrix-check.js';
import { startWatch } from './matrix-watch.js';

const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];

/** kubectl sorts strings naturally (sortorder.NaturalLess): digit runs compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] ?? '';
    const y = tb[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

export const outputCommands = [
  command('get -o wide', async (x) => {
    const out = succeeded('get pods -o wide', await x.k(['get', 'pods', '-o', 'wide']));
    hasHeader('get pods -o wide', out, [...POD_COLUMNS, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    matches('get pods -o wide', out, new RegExp(`^solo\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\d+\\.\\d+\\.\\d+\\.\\d+\\s+${x.cluster.workloadWorker}\\s+<none>\\s+<none>$`, 'm'));
  }),

  command('get -o yaml', async (x) => {
    const pod = parse(succeeded('get -o yaml', await x.k(['get', 'pod', 'solo', '-o', 'yaml']))) as { apiVersion: string; kind: string; metadata: { namespace: string }; status: { phase: string } };
    equal('yaml', `${pod.apiVersion} ${pod.kind} ${pod.metadata.namespace} ${pod.status.phase}`, `v1 Pod ${x.ns} Running`);
    const list = JSON.parse(succeeded('get -o json', await x.k(['get', 'configmaps', '-o', 'json']))) as { kind: string; items: { kind: string }[] };
    equal('list kind', `${list.kind} ${list.items[0]?.kind ?? ''}`, 'List ConfigMap');
  }),

  command('get --sort-by', async (x) => {
    const out = succeeded('get --sort-by', await x.k(['get', 'pods', '--sort-by=.metadata.name']));
    hasHeader('get --sort-by', out, POD_COLUMNS);
    const names = rowsOf(out).map((r) => r[0] ?? '');
    // kubectl up to 1.30 sorts strings naturally, from 1.31 on byte-wise.
    const order = ['1.27', '1.28', '1.29', '1.30'].includes(x.version) ? naturalCompare : undefined;
    equal('sorted', names.join(' '), [...names].sort(order).join(' '));
    // Timestamps have whole seconds, so objects made in the same second may come in either order.
    const byTime = succeeded('get --sort-by', await x.k(['get', 'configmaps', '--sort-by=.metadata.creationTimestamp', '-o', 'custom-columns=NAME:.metadata.name,CREATED:.metadata.creationTimestamp', '--no-headers']));
    const created = rowsOf(`HEADER\n${byTime}`);
    equal('sort by creation: names', created.map((r) => r[0]).sort().join(' '), 'kube-root-ca.crt lit made ssa');
    const stamps = created.map((r) => r[1] ?? '');
    equal('sort by creation: oldest first', stamps.join(' '), [...stamps].sort().join(' '));
  }),

  command('get -L', async (x) => {
    const out = succeeded('get -L', await x.k(['get', 'pods', '-l', 'app=solo', '-L', 'app,tier']));
    hasHeader('get -L', out, [...POD_COLUMNS, 'APP', 'TIER']);
    matches('get -L', out, /^solo\s+1\/1\s+Running\s+0\s+\S+\s+solo\s+one$/m);
  }),

  command('get --show-labels', async (x) => {
    const out = succeeded('get --show-labels', await x.k(['get', 'pods', 'solo', '--show-labels']));
    hasHeader('get --show-labels', out, [...POD_COLUMNS, 'LABELS']);
    matches('get --show-labels', out, /^solo\s+1\/1\s+Running\s+0\s+\S+\s+app=solo,tier=one$/m);
    const nodes = succeeded('get nodes --show-labels', await x.k(['get', 'node', x.cluster.workloadWorker, '--show-labels']));
    matches('node labels', nodes, new RegExp(`kubernetes\\.io/hostname=${x.cluster.workloadWorker},kubernetes\\.io/os=linux$`, 'm'));
  }),

  command('get --field-selector', async (x) => {
    equal('metadata.name', succeeded('fs', await x.k(['get', 'pods', '--field-selector=metadata.name=solo', '-o', 'name'])), 'pod/solo');
    const running = succeeded('fs', await x.k(['get', 'pods', '--field-selector=status.phase=Running,metadata.name!=solo', '-o', 'name']));
    matches('status.phase', running, /^pod\/box$/m);
    if (running.includes('pod/solo')) throw new Error(`metadata.name!=solo listed solo:\n${running}`);
    const onNode = succeeded('fs', await x.k(['get', 'pods', '-A', `--field-selector=spec.nodeName=${x.cluster.workloadWorker}`, '-o', 'name']));
    matches('spec.nodeName', onNode, /^pod\/solo$/m);
    const bad = await x.k(['get', 'pods', '--field-selector=spec.nope=1']);
    equal('unsupported field', bad.stderr.trim(), 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.nope=1": field label not supported: spec.nope');
  }),

  command('get -o custom-columns', async (x) => {
    const out = succeeded('custom-columns', await x.k(['get', 'pods', 'solo', 'box', '-o', 'custom-columns=NAME:.metadata.name,CONTAINERS:.spec.containers[*].name,NODE:.spec.nodeName']));
    equal('custom-columns', out.replace(/ +/g, ' '), `NAME CONTAINERS NODE\nsolo solo ${x.cluster.workloadWorker}\nbox main,side ${x.cluster.workloadWorker}`);
  }),

  command('get -o jsonpath', async (x) => {
    const out = succeeded('jsonpath', await x.k(['get', 'pods', '-l', 'app in (solo,box)', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.phase}{"\\n"}{end}']));
    equal('jsonpath', out.split('\n').sort().join(' '), 'box=Running solo=Running');
    equal('jsonpath filter', succeeded('jsonpath', await x.k(['get', 'pod', 'box', '-o', 'jsonpath={.spec.containers[?(@.name=="side")].image}'])), 'busybox:1.36');
  }),

  command('get -o go-template', async (x) => {
    const tpl = '{{range .items}}{{.metadata.name}}:{{len .spec.containers}}{{"\\n"}}{{end}}';
    const out = succeeded('go-template', await x.k(['get', 'pods', '-l', 'app in (solo,box)', '-o', `go-template=${tpl}`]));
    equal('go-template', out.split('\n').sort().join(' '), 'box:2 solo:1');
  }),

  command('get -w --output-watch-events', async (x) => {
    const w = startWatch(x, ['get', 'configmaps', '-w', '--output-watch-events']);
    try {
      const listed = await w.waitForLine(/^ADDED\s+kube-root-ca\.crt\s+1\s+\S+$/);
      hasHeader('get -w', listed, ['EVENT', 'NAME', 'DATA', 'AGE']);
      succeeded('create', await x.k(['create', 'configmap', 'watched', '--from-literal=a=1']));
      await w.waitForLine(/^ADDED\s+watched\s+1\s+\S+$/);
      succeeded('patch', await x.k(['patch', 'configmap', 'watched', '--type=merge', '-p', '{"data":{"b":"2"}}']));
      await w.waitForLine(/^MODIFIED\s+watched\s+2\s+\S+$/);
      succeeded('delete', await x.k(['delete', 'configmap', 'watched']));
      const all = await w.waitForLine(/^DELETED\s+watched\s+2\s+\S+$/);
      // A watch from the list's resourceVersion replays nothing: each object is listed once.
      equal('kube-root-ca.crt rows', String(all.split('\n').filter((l) => /\skube-root-ca\.crt\s/.test(l)).length), '1');
    } finally {
      w.stop();
    }
  }),

  command('get -o name', async (x) => {
    equal('deployments', succeeded('-o name', await x.k(['get', 'deployments', '-o', 'name'])), 'deployment.apps/typed\ndeployment.apps/web');
    equal('pod by label', succeeded('-o name', await x.k(['get', 'pods', '-l', 'app=solo', '-o', 'name'])), 'pod/solo');
    equal('nodes', succeeded('-o name', await x.k(['get', 'node', x.cluster.workloadWorker, '-o', 'name'])), `node/${x.cluster.workloadWorker}`);
  }),
];
