// Logging HTTPS server used to capture real kubectl request bodies (see capture.sh).
// Answers aggregated + legacy discovery, one Deployment GET (for `kubectl autoscale`), and saves
// every POST body as <outDir>/<n>-<resource>.<pb|json> before answering 201 with an echo.
// Loopback only. Usage: node capture-server.mjs <port> <outDir> <certFile> <keyFile>
import { createServer } from 'node:https';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const [port, outDir, certFile, keyFile] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** [group, version, resource, kind, namespaced, verbs?, scale subresource?] */
const RESOURCES = [
  ['', 'v1', 'namespaces', 'Namespace', false],
  ['', 'v1', 'configmaps', 'ConfigMap', true],
  ['', 'v1', 'secrets', 'Secret', true],
  ['', 'v1', 'services', 'Service', true],
  ['', 'v1', 'serviceaccounts', 'ServiceAccount', true],
  ['', 'v1', 'pods', 'Pod', true],
  ['apps', 'v1', 'deployments', 'Deployment', true, undefined, true],
  ['batch', 'v1', 'jobs', 'Job', true],
  ['batch', 'v1', 'cronjobs', 'CronJob', true],
  ['autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create']],
  ['authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, ['create']],
];

const singular = (kind) => kind.toLowerCase();
const groups = () => {
  const byGroup = new Map();
  for (const r of RESOURCES) {
    if (!byGroup.has(r[0])) byGroup.set(r[0], new Map());
    const versions = byGroup.get(r[0]);
    if (!versions.has(r[1])) versions.set(r[1], []);
    versions.get(r[1]).push(r);
  }
  return byGroup;
};
const aggregated = (core) => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: [...groups()]
    .filter(([g]) => (g === '') === core)
    .map(([g, versions]) => ({
      metadata: { name: g, creationTimestamp: null },
      versions: [...versions].map(([v, rs]) => ({
        version: v,
        freshness: 'Current',
        resources: rs.map(([group, version, resource, kind, namespaced, verbs, scale]) => ({
          resource,
          responseKind: { group, version, kind },
          scope: namespaced ? 'Namespaced' : 'Cluster',
          singularResource: singular(kind),
          verbs: verbs ?? VERBS,
          ...(scale ? { subresources: [SCALE] } : {}),
        })),
      })),
    })),
});
const SCALE = {
  subresource: 'scale',
  responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  verbs: ['get', 'patch', 'update'],
};
const legacyList = (gv, rs) => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: gv,
  resources: rs.flatMap(([, , resource, kind, namespaced, verbs, scale]) => [
    { name: resource, singularName: singular(kind), namespaced, kind, verbs: verbs ?? VERBS },
    ...(scale
      ? [{ name: `${resource}/scale`, singularName: '', namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: SCALE.verbs }]
      : []),
  ]),
});
const DEPLOYMENT = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', namespace: 'default', uid: 'c0ffee00-0000-4000-8000-000000000001', resourceVersion: '7' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
};

// Served for `kubectl create job --from=cronjob/rich`: its job template reaches most of PodSpec.
const RICH_CRONJOB = JSON.parse(readFileSync(new URL('./rich-cronjob.json', import.meta.url), 'utf8'));

let seq = 0;
const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, 'https://x');
    const ct = req.headers['content-type'] ?? '';
    process.stdout.write(`${req.method} ${req.url} ct=${ct} accept=${req.headers.accept} len=${body.length}\n`);
    const send = (code, obj, type = 'application/json') => {
      res.writeHead(code, { 'Content-Type': type });
      res.end(JSON.stringify(obj));
    };
    const p = url.pathname;
    const agg = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
    const wantsAgg = (req.headers.accept ?? '').includes('apidiscovery.k8s.io');
    if (req.method === 'GET') {
      if (p === '/api')
        return wantsAgg ? send(200, aggregated(true), agg) : send(200, { kind: 'APIVersions', versions: ['v1'] });
      if (p === '/apis') {
        if (wantsAgg) return send(200, aggregated(false), agg);
        const gs = [...groups()].filter(([g]) => g !== '');
        return send(200, {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: gs.map(([g, vs]) => {
            const versions = [...vs.keys()].map((v) => ({ groupVersion: `${g}/${v}`, version: v }));
            return { name: g, versions, preferredVersion: versions[0] };
          }),
        });
      }
      if (p === '/api/v1') return send(200, legacyList('v1', groups().get('').get('v1')));
      const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
      if (m && groups().get(m[1])?.get(m[2])) return send(200, legacyList(`${m[1]}/${m[2]}`, groups().get(m[1]).get(m[2])));
      if (p === '/apis/apps/v1/namespaces/default/deployments/web') return send(200, DEPLOYMENT);
      if (p === '/apis/batch/v1/namespaces/default/cronjobs/rich') return send(200, RICH_CRONJOB);
      return send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
    }
    if (req.method === 'POST') {
      seq += 1;
      const resource = p.split('/').pop();
      const isPb = ct.startsWith('application/vnd.kubernetes.protobuf');
      writeFileSync(`${outDir}/${seq}-${resource}.${isPb ? 'pb' : 'json'}`, body);
      const echo = isPb ? { metadata: { name: 'captured' } } : JSON.parse(body.toString());
      const gvr = RESOURCES.find((r) => r[2] === resource);
      echo.kind = gvr[3];
      echo.apiVersion = gvr[0] ? `${gvr[0]}/${gvr[1]}` : gvr[1];
      if (resource === 'selfsubjectaccessreviews') echo.status = { allowed: true };
      if (resource === 'selfsubjectrulesreviews')
        echo.status = { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [], incomplete: false };
      return send(201, echo);
    }
    return send(405, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'method not allowed', reason: 'MethodNotAllowed', code: 405 });
  });
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
