/**
 * Matrix rows about workloads: run, wait, rollout status|history|undo|restart, set
 * image|env|resources, scale, expose, get all.
 */
import { command } from './matrix-command.js';
import { equal, hasHeader, matches, rowsOf, succeeded } from './matrix-check.js';
import { jsonpath, type MatrixContext } from './matrix-context.js';
import { IMAGE, serve } from './matrix-manifests.js';
import { waitFor } from './wait-for.js';

async function rolledOut(x: MatrixContext, what: string): Promise<void> {
  const out = succeeded(`${what}: rollout status`, await x.k(['rollout', 'status', 'deployment/web', '--timeout=120s']));
  matches(`${what}: rollout status`, out, /^deployment "web" successfully rolled out$/m);
}

/**
 * Waits until the deployment controller has seen the latest template: only then has it made the
 * ReplicaSet (and revision) for it. Two template changes it never saw apart make one revision, on
 * a real cluster too.
 */
async function observed(x: MatrixContext, what: string): Promise<void> {
  await waitFor(`${what}: observedGeneration`, async () => {
    const [generation, seen] = (await jsonpath(x, ['deploy', 'web'], '{.metadata.generation} {.status.observedGeneration}')).split(' ');
    return generation !== undefined && generation === seen;
  }, { timeoutMs: 60_000 });
}

export const workloadCommands = [
  command('run', async (x) => {
    const r = await x.k(['run', 'solo', `--image=${IMAGE}`, '--labels=app=solo,tier=one', '--', 'sh', '-c', serve('started')]);
    equal('run', succeeded('run', r), 'pod/solo created');
    equal('run labels', await jsonpath(x, ['pod', 'solo'], '{.metadata.labels.app},{.metadata.labels.tier}'), 'solo,one');
  }),

  command('wait --for=condition=Ready', async (x) => {
    const out = succeeded('wait', await x.k(['wait', '--for=condition=Ready', 'pod/solo', 'pod/box', '--timeout=120s']));
    equal('wait', out, 'pod/solo condition met\npod/box condition met');
  }),

  command('wait --for=jsonpath', async (x) => {
    const out = succeeded('wait', await x.k(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/solo', '--timeout=60s']));
    equal('wait jsonpath', out, 'pod/solo condition met');
  }),

  command('rollout status', async (x) => {
    await rolledOut(x, 'first rollout');
    equal('ready replicas', await jsonpath(x, ['deploy', 'web'], '{.status.readyReplicas}'), '2');
  }),

  command('set image', async (x) => {
    equal('set image', succeeded('set image', await x.k(['set', 'image', 'deployment/web', 'web=busybox:latest'])), 'deployment.apps/web image updated');
    equal('image', await jsonpath(x, ['deploy', 'web'], '{.spec.template.spec.containers[0].image}'), 'busybox:latest');
    await observed(x, 'after set image');
  }),

  command('set env', async (x) => {
    equal('set env', succeeded('set env', await x.k(['set', 'env', 'deployment/web', 'GREETING=hello'])), 'deployment.apps/web env updated');
    equal('list env', succeeded('set env --list', await x.k(['set', 'env', 'deployment/web', '--list'])), '# Deployment web, container web\nGREETING=hello');
    await observed(x, 'after set env');
  }),

  command('set resources', async (x) => {
    const r = await x.k(['set', 'resources', 'deployment', 'web', '--limits=cpu=200m,memory=64Mi', '--requests=cpu=10m,memory=16Mi']);
    equal('set resources', succeeded('set resources', r), 'deployment.apps/web resource requirements updated');
    equal('resources', await jsonpath(x, ['deploy', 'web'], '{.spec.template.spec.containers[0].resources.limits.cpu}/{.spec.template.spec.containers[0].resources.requests.memory}'), '200m/16Mi');
    await rolledOut(x, 'after set resources');
  }),

  command('rollout history', async (x) => {
    const out = succeeded('rollout history', await x.k(['rollout', 'history', 'deployment/web']));
    equal('rollout history', out.replace(/[ \t]+$/gm, ''), 'deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n4         <none>');
    const rev = succeeded('rollout history --revision', await x.k(['rollout', 'history', 'deployment/web', '--revision=2']));
    matches('rollout history --revision=2', rev, /^deployment\.apps\/web with revision #2$/m, /^Pod Template:$/m, /^\s+Image:\s+busybox:latest$/m);
  }),

  command('rollout undo', async (x) => {
    equal('rollout undo', succeeded('undo', await x.k(['rollout', 'undo', 'deployment/web', '--to-revision=1'])), 'deployment.apps/web rolled back');
    await rolledOut(x, 'after undo');
    equal('image', await jsonpath(x, ['deploy', 'web'], '{.spec.template.spec.containers[0].image}'), IMAGE);
  }),

  command('rollout restart', async (x) => {
    equal('rollout restart', succeeded('restart', await x.k(['rollout', 'restart', 'deployment/web'])), 'deployment.apps/web restarted');
    const restartedAt = await jsonpath(x, ['deploy', 'web'], '{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}');
    matches('restartedAt', restartedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    await rolledOut(x, 'after restart');
  }),

  command('scale', async (x) => {
    equal('scale', succeeded('scale', await x.k(['scale', 'deployment', 'web', '--replicas=3'])), 'deployment.apps/web scaled');
    await rolledOut(x, 'after scale');
    equal('ready replicas', await jsonpath(x, ['deploy', 'web'], '{.status.readyReplicas}'), '3');
    const out = succeeded('get deploy', await x.k(['get', 'deployment', 'web']));
    hasHeader('get deploy', out, ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    matches('get deploy', out, /^web\s+3\/3\s+3\s+3\s+\S+$/m);
  }),

  command('expose', async (x) => {
    equal('expose', succeeded('expose', await x.k(['expose', 'deployment', 'web', '--port=80', '--target-port=8080'])), 'service/web exposed');
    const out = succeeded('get svc', await x.k(['get', 'service', 'web', '-o', 'wide']));
    hasHeader('get svc', out, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    matches('get svc', out, /^web\s+ClusterIP\s+\d+\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+\s+app=web$/m);
    equal('targetPort', await jsonpath(x, ['svc', 'web'], '{.spec.ports[0].targetPort}'), '8080');
    // The endpoints controller lists the three ready pods on the target port.
    const endpoints = await waitFor('endpoints of web', async () => {
      const r = await x.k(['get', 'endpoints', 'web']);
      return r.code === 0 && /^web\s+(\d+\.\d+\.\d+\.\d+:8080,){2}\d+\.\d+\.\d+\.\d+:8080\s+\S+$/m.test(r.stdout) ? r.stdout : undefined;
    }, { timeoutMs: 30_000 });
    hasHeader('get endpoints', endpoints, ['NAME', 'ENDPOINTS', 'AGE']);
    // The EndpointSlice controller lists them too; kubectl 1.31 and later describe from it.
    const slices = await waitFor('endpointslices of web', async () => {
      const r = await x.k(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web']);
      return r.code === 0 && /^web-[a-z0-9]{5}\s+IPv4\s+8080\s+(\d+\.\d+\.\d+\.\d+,){2}\d+\.\d+\.\d+\.\d+\s+\S+$/m.test(r.stdout) ? r.stdout : undefined;
    }, { timeoutMs: 30_000 });
    hasHeader('get endpointslices', slices, ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    const described = succeeded('describe svc', await x.k(['describe', 'service', 'web']));
    matches('describe svc', described, /^Endpoints:\s+(\d+\.\d+\.\d+\.\d+:8080,){2}\d+\.\d+\.\d+\.\d+:8080$/m, /^Selector:\s+app=web$/m);
  }),

  command('get all', async (x) => {
    const out = succeeded('get all', await x.k(['get', 'all']));
    const blocks = out.split('\n\n');
    const first = (prefix: string): string[] | undefined => blocks.find((b) => b.split('\n')[1]?.startsWith(prefix))?.split('\n');
    hasHeader('pods block', (first('pod/') ?? []).join('\n'), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    hasHeader('services block', (first('service/') ?? []).join('\n'), ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    hasHeader('deployments block', (first('deployment.apps/') ?? []).join('\n'), ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    hasHeader('replicasets block', (first('replicaset.apps/') ?? []).join('\n'), ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    matches('get all', out, /^pod\/solo\s+1\/1\s+Running\s+0\s+\S+$/m, /^pod\/box\s+2\/2\s+Running\s+0\s+\S+$/m, /^service\/web\s+ClusterIP\s/m, /^deployment\.apps\/web\s+3\/3\s+3\s+3\s/m, /^deployment\.apps\/typed\s+1\/1\s+1\s+1\s/m);
    const rs = rowsOf((first('replicaset.apps/') ?? []).join('\n'));
    equal('replica sets of web (revisions 1..6 minus the undone 1)', String(rs.filter((r) => r[0]?.startsWith('replicaset.apps/web-')).length), '5');
  }),
];
