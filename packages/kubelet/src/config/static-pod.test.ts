import { describe, expect, it } from 'vitest';
import { CONFIG_HASH_ANNOTATION } from './pod-update.js';
import {
  MAX_CONFIG_LENGTH,
  decodePodList,
  decodeStaticPod,
  generatePodName,
} from './static-pod.js';

const FILE = { kind: 'file', path: '/etc/kubernetes/manifests/web.yaml' } as const;

const manifest = `
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports: [{containerPort: 80}]
`;

/** The same pod, written differently: comments, key order, flow style, quoting, JSON. */
const rewritten = [
  `# the web server
kind: Pod
apiVersion: "v1"
spec:
  containers:
    - image: 'nginx:1.27'   # pinned
      ports:
        - containerPort: 80
      name: web
metadata: {labels: {app: web}, name: web}
`,
  JSON.stringify({
    metadata: { name: 'web', labels: { app: 'web' } },
    apiVersion: 'v1',
    kind: 'Pod',
    spec: { containers: [{ ports: [{ containerPort: 80 }], name: 'web', image: 'nginx:1.27' }] },
  }),
  // Fields written out with their default values decode to the same defaulted pod.
  `${manifest}  restartPolicy: Always\n  dnsPolicy: ClusterFirst\n  terminationGracePeriodSeconds: 30\n`,
];

const uidOf = (content: string, path: string = FILE.path, node = 'node1'): string =>
  decodeStaticPod(content, { kind: 'file', path }, node).metadata?.uid ?? '';

describe('static pod UID', () => {
  it('is 32 hex characters and also the config.hash annotation', () => {
    const pod = decodeStaticPod(manifest, FILE, 'node1');
    expect(pod.metadata?.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(pod.metadata?.annotations?.[CONFIG_HASH_ANNOTATION]).toBe(pod.metadata?.uid);
  });

  it('does not change with whitespace, comments, key order or JSON vs YAML', () => {
    const uid = uidOf(manifest);
    for (const other of rewritten) expect(uidOf(other)).toBe(uid);
  });

  it('changes with content, node name and file path', () => {
    const uid = uidOf(manifest);
    expect(uidOf(manifest.replace('nginx:1.27', 'nginx:1.28'))).not.toBe(uid);
    expect(uidOf(manifest, FILE.path, 'node2')).not.toBe(uid);
    expect(uidOf(manifest, '/etc/kubernetes/manifests/web.yml')).not.toBe(uid);
  });

  it('differs between a file and a URL source, and a URL source ignores the node name', () => {
    const url = 'http://10.0.0.1/pods.yaml';
    const fromUrl = (node: string): string =>
      decodePodList(manifest, url, node)[0]?.metadata?.uid ?? '';
    expect(fromUrl('node1')).not.toBe(uidOf(manifest));
    expect(fromUrl('node1')).toBe(fromUrl('node2'));
  });

  it('keeps a UID the manifest gives', () => {
    const pod = decodeStaticPod(
      manifest.replace('name: web\n', 'name: web\n  uid: given-uid\n'),
      FILE,
      'n',
    );
    expect(pod.metadata?.uid).toBe('given-uid');
    expect(pod.metadata?.annotations?.[CONFIG_HASH_ANNOTATION]).toBe('given-uid');
  });
});

describe('decodeStaticPod', () => {
  it('names the pod <name>-<lowercase node>, sets the node and the default namespace', () => {
    // The kubelet's node name is already lower case (GetHostname lowercases it); the pod name
    // is lowercased anyway, while spec.nodeName must be a valid (lowercase) node name.
    expect(generatePodName('kube-apiserver', 'ControlPlane')).toBe('kube-apiserver-controlplane');
    const pod = decodeStaticPod(
      manifest.replace('spec:\n', 'spec:\n  nodeName: elsewhere\n'),
      FILE,
      'worker-a',
    );
    expect(pod.metadata?.name).toBe('web-worker-a');
    expect(pod.metadata?.namespace).toBe('default');
    expect(pod.spec?.nodeName).toBe('worker-a');
    expect(pod.status?.phase).toBe('Pending');
  });

  it('applies API defaults but not the admission-written priority', () => {
    const pod = decodeStaticPod(manifest, FILE, 'n');
    expect(pod.spec?.restartPolicy).toBe('Always');
    expect(pod.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(pod.spec?.containers[0]?.ports?.[0]?.protocol).toBe('TCP');
    expect(pod.spec?.priority).toBeUndefined();
    expect(pod.spec?.preemptionPolicy).toBeUndefined();
  });

  it('gives file pods, not URL pods, the NoExecute toleration, replacing a matching one', () => {
    const withSeconds = manifest.replace(
      'spec:\n',
      'spec:\n  tolerations: [{operator: Exists, effect: NoExecute, tolerationSeconds: 60}, {key: a, operator: Exists}]\n',
    );
    expect(decodeStaticPod(withSeconds, FILE, 'n').spec?.tolerations).toEqual([
      { operator: 'Exists', effect: 'NoExecute' },
      { key: 'a', operator: 'Exists' },
    ]);
    expect(decodePodList(manifest, 'http://x/p', 'n')[0]?.spec?.tolerations).toBeUndefined();
  });

  it('reads only the first YAML document and treats YAML 1.1 scalars as go-yaml v2 does', () => {
    const pod = decodeStaticPod(
      `${manifest.replace('labels: {app: web}', 'labels: {app: web}\n  annotations: {debug: "yes", at: 2020-01-01T00:00:00Z}')}---\nkind: Nope\n`,
      FILE,
      'n',
    );
    expect(pod.metadata?.annotations?.['at']).toBe('2020-01-01T00:00:00Z');
    expect(pod.metadata?.annotations?.['debug']).toBe('yes');
  });

  it.each([
    ['', "Object 'Kind' is missing in 'null'"],
    [
      'apiVersion: v1\nmetadata: {name: x}\n',
      `Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
    ],
    [
      'kind: Pod\nmetadata: {name: x}\n',
      `Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{"name":"x"}}'`,
    ],
    [
      'kind: Pod\napiVersion: v2\n',
      'no kind "Pod" is registered for version "v2" in scheme "pkg/api/legacyscheme/scheme.go:29"',
    ],
    [
      'just text',
      "couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type",
    ],
    ['{"kind": "Pod"', "couldn't get version/kind; json parse error: unexpected end of JSON input"],
    ['kind: Pod\n  apiVersion: v1\n bad', 'error converting YAML to JSON: yaml: line '],
  ])('refuses %j as not a pod', (content, why) => {
    expect(() => decodeStaticPod(content, FILE, 'n')).toThrow(
      `${FILE.path}: couldn't parse as pod(${why}`,
    );
  });

  it('refuses invalid pods with the validation errors in brackets', () => {
    const bad = manifest
      .replace('image: nginx:1.27', 'image: ""')
      .replace('containerPort: 80', 'containerPort: 0');
    expect(() => decodeStaticPod(bad, FILE, 'n')).toThrow(
      /^invalid pod: \[spec\.containers\[0\]\.\S+: .+ spec\.containers\[0\]\.\S+: .+\]$/,
    );
    expect(() => decodeStaticPod(bad, FILE, 'n')).toThrow(
      'spec.containers[0].image: Required value',
    );
  });

  it.each([
    ['serviceAccountName: default', 'serviceaccounts'],
    ['imagePullSecrets: [{name: regcred}]', 'secrets'],
    ['volumes: [{name: s, secret: {secretName: s}}]', 'secrets'],
    ['volumes: [{name: c, configMap: {name: c}}]', 'configmaps'],
    ['volumes: [{name: p, persistentVolumeClaim: {claimName: p}}]', 'persistentvolumeclaims'],
    [
      'volumes: [{name: p, projected: {sources: [{downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}}]}}, {configMap: {name: c}}]}}]',
      'configmaps',
    ],
    ['volumes: [{name: c, csi: {driver: x}}]', 'csidrivers (via CSI volumes)'],
  ])('refuses references to API objects: %s', (extra, resource) => {
    const content = manifest.replace('spec:\n', `spec:\n  ${extra}\n`);
    expect(() => decodeStaticPod(content, FILE, 'n')).toThrow(
      `static pods may not reference ${resource}`,
    );
  });

  it('refuses env from a secret and accepts hostPath, emptyDir and downwardAPI volumes', () => {
    const env = manifest.replace(
      'ports:',
      'env: [{name: P, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n    ports:',
    );
    expect(() => decodeStaticPod(env, FILE, 'n')).toThrow('static pods may not reference secrets');
    const local = manifest.replace(
      'spec:\n',
      'spec:\n  volumes: [{name: h, hostPath: {path: /tmp}}, {name: e, emptyDir: {}}, {name: d, downwardAPI: {items: [{path: n, fieldRef: {fieldPath: metadata.name}}]}}]\n',
    );
    expect(decodeStaticPod(local, FILE, 'n').spec?.volumes).toHaveLength(3);
  });

  it('caps manifests at 10 MiB', () => {
    const big = Buffer.alloc(MAX_CONFIG_LENGTH + 1, 0x20);
    expect(() => decodeStaticPod(big, FILE, 'n')).toThrow('the read limit is reached');
  });
});

describe('decodePodList', () => {
  const url = 'http://127.0.0.1:8080/manifests';

  it('accepts a single pod or a PodList, JSON or YAML', () => {
    expect(decodePodList(manifest, url, 'n').map((p) => p.metadata?.name)).toEqual(['web-n']);
    const list = {
      apiVersion: 'v1',
      kind: 'PodList',
      items: [
        { metadata: { name: 'a' }, spec: { containers: [{ name: 'a', image: 'busybox' }] } },
        { metadata: { name: 'b' }, spec: { containers: [{ name: 'b', image: 'busybox' }] } },
      ],
    };
    expect(decodePodList(JSON.stringify(list), url, 'n').map((p) => p.metadata?.name)).toEqual([
      'a-n',
      'b-n',
    ]);
  });

  it('refuses the whole list when one pod is invalid', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      items: [{ metadata: { name: 'a' }, spec: { containers: [{ name: 'a' }] } }],
    });
    expect(() => decodePodList(list, url, 'n')).toThrow(
      'invalid pod: [spec.containers[0].image: Required value]',
    );
  });

  it('says what it received when neither parses', () => {
    expect(() =>
      decodePodList('kind: Service\napiVersion: v1\nmetadata: {name: s}\n', url, 'n'),
    ).toThrow(
      `${url}: received 'kind: Service\napiVersion: v1\nmetadata: {name: s}\n', but couldn't parse as single (invalid pod: &core.Service{`,
    );
  });
});
