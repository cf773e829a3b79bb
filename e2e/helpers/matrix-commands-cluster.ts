/**
 * Matrix rows about the cluster itself: version, discovery, cluster-info, explain, authorization,
 * nodes (read-only). Expected output is what kubectl prints for a real 1.32 cluster.
 */
import { command } from './matrix-command.js';
import { equal, failed, hasHeader, matches, rowsOf, succeeded } from './matrix-check.js';

const SERVER_VERSION = 'v1.32.0';
// eslint-disable-next-line no-control-regex -- the escape sequences kubectl writes
const ANSI_COLOR = /\x1b\[[0-9;]*m/g;

export const clusterCommands = [
  command('version', async (x) => {
    const json = JSON.parse(succeeded('version -o json', await x.k(['version', '-o', 'json']))) as {
      clientVersion: { minor: string };
      serverVersion: { gitVersion: string; major: string; minor: string; platform: string };
    };
    // The gcloud dispatcher (/usr/bin/kubectl) reports itself as v1.32.4-dispatcher, minor "32+".
    equal('client minor', json.clientVersion.minor.replace(/\+$/, ''), x.version.split('.')[1] ?? '');
    equal('server gitVersion', json.serverVersion.gitVersion, SERVER_VERSION);
    equal('server minor', json.serverVersion.minor, '32');
    const plain = succeeded('version', await x.k(['version']));
    // 1.27 prints version.Info structs, 1.28+ the short form.
    matches('version', plain, x.version === '1.27' ? /^Server Version: version\.Info\{Major:"1", Minor:"32", GitVersion:"v1\.32\.0"/m : /^Server Version: v1\.32\.0$/m);
  }),

  command('api-resources', async (x) => {
    const out = succeeded('api-resources', await x.k(['api-resources']));
    hasHeader('api-resources', out, ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    matches(
      'api-resources',
      out,
      /^pods\s+po\s+v1\s+true\s+Pod$/m,
      /^nodes\s+no\s+v1\s+false\s+Node$/m,
      /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m,
      /^selfsubjectaccessreviews\s+authorization\.k8s\.io\/v1\s+false\s+SelfSubjectAccessReview$/m,
      /^events\s+ev\s+v1\s+true\s+Event$/m,
    );
    const wide = succeeded('api-resources -o wide', await x.k(['api-resources', '-o', 'wide', '--api-group=apps']));
    hasHeader('api-resources -o wide', wide, ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES']);
    matches('api-resources -o wide', wide, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m);
  }),

  command('cluster-info', async (x) => {
    // kubectl up to 1.31 colours the URLs even when stdout is no terminal.
    const out = succeeded('cluster-info', await x.k(['cluster-info'])).replace(ANSI_COLOR, '');
    matches('cluster-info', out, /^Kubernetes control plane is running at https:\/\/[\d.]+:\d+$/m, /To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'\.$/m);
  }),

  command('create namespace', async (x) => {
    // A typed client: a protobuf body from kubectl 1.32 on.
    equal('create namespace', succeeded('create namespace', await x.k(['create', 'namespace', x.ns])), `namespace/${x.ns} created`);
    const err = failed('create namespace again', await x.k(['create', 'namespace', x.ns]), 1);
    equal('create namespace again', err, `Error from server (AlreadyExists): namespaces "${x.ns}" already exists`);
  }),

  command('get nodes', async (x) => {
    const out = succeeded('get nodes', await x.k(['get', 'nodes']));
    hasHeader('get nodes', out, ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    const rows = rowsOf(out);
    equal('node count', String(rows.length), '3');
    matches('get nodes', out, /-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0$/m);
  }),

  command('describe node', async (x) => {
    const node = x.cluster.workloadWorker;
    const out = succeeded('describe node', await x.k(['describe', 'node', node]));
    matches(
      'describe node',
      out,
      new RegExp(`^Name:\\s+${node}$`, 'm'),
      /^Roles:\s+<none>$/m,
      new RegExp(`^\\s+kubernetes\\.io/hostname=${node}$`, 'm'),
      /^Conditions:$/m,
      /^\s+Type\s+Status\s+LastHeartbeatTime\s+LastTransitionTime\s+Reason\s+Message$/m,
      /^\s+Ready\s+True\s+.*KubeletReady\s+kubelet is posting ready status$/m,
      /^Addresses:$/m,
      /^Capacity:$/m,
      /^System Info:$/m,
      /^\s+Kubelet Version:\s+v1\.32\.0$/m,
      /^Non-terminated Pods:\s+\(\d+ in total\)$/m,
      /^\s+Namespace\s+Name\s+CPU Requests\s+CPU Limits\s+Memory Requests\s+Memory Limits\s+Age$/m,
      /^Allocated resources:$/m,
      /^Events:/m,
    );
  }),

  command('explain pod', async (x) => {
    const out = succeeded('explain pod', await x.k(['explain', 'pod']));
    matches(
      'explain pod',
      out,
      /^KIND:\s+Pod\nVERSION:\s+v1\n\nDESCRIPTION:\n {4}Pod is a collection of containers that can run on a host\. This resource is\n {4}created by clients and scheduled onto hosts\.$/m,
      /^FIELDS:\n {2}apiVersion\t<string>$/m,
      /^ {2}metadata\t<ObjectMeta>\n {4}Standard object's metadata\. More info:$/m,
      /^ {2}spec\t<PodSpec>$/m,
      /^ {2}status\t<PodStatus>$/m,
    );
  }),

  command('explain pod.spec.containers.livenessProbe', async (x) => {
    const out = succeeded('explain', await x.k(['explain', 'pod.spec.containers.livenessProbe']));
    matches(
      'explain livenessProbe',
      out,
      /^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: livenessProbe <Probe>$/m,
      /^ {4}Periodic probe of container liveness\. Container will be restarted if the$/m,
      /^ {2}exec\t<ExecAction>$/m,
      /^ {2}failureThreshold\t<integer>$/m,
      /^ {2}grpc\t<GRPCAction>$/m,
      /^ {2}httpGet\t<HTTPGetAction>$/m,
      /^ {2}tcpSocket\t<TCPSocketAction>$/m,
    );
  }),

  command('explain deployment.spec --recursive', async (x) => {
    const out = succeeded('explain', await x.k(['explain', 'deployment.spec', '--recursive']));
    matches(
      'explain deployment.spec --recursive',
      out,
      /^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n\nFIELD: spec <DeploymentSpec>$/m,
      /^ {2}selector\t<LabelSelector> -required-\n {4}matchExpressions\t<\[\]LabelSelectorRequirement>\n {6}key\t<string> -required-$/m,
      /^ {2}template\t<PodTemplateSpec> -required-$/m,
      /^ {6}containers\t<\[\]Container> -required-$/m,
      /^ {8}livenessProbe\t<Probe>$/m,
    );
  }),

  command('auth can-i', async (x) => {
    // A typed client: a protobuf SelfSubjectAccessReview from kubectl 1.32 on.
    equal('auth can-i create deployments', succeeded('auth can-i', await x.k(['auth', 'can-i', 'create', 'deployments'])), 'yes');
    equal('auth can-i --subresource', succeeded('auth can-i', await x.k(['auth', 'can-i', 'get', 'pods', '--subresource=log'])), 'yes');
  }),

  command('auth whoami', async (x) => {
    const r = await x.k(['auth', 'whoami']);
    if (x.version === '1.27') {
      // 1.27 asks only authentication.k8s.io/v1beta1 and v1alpha1, which a 1.32 server does not serve.
      equal('auth whoami', failed('auth whoami', r, 1), 'error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API');
      return;
    }
    // A protobuf SelfSubjectReview from kubectl 1.32 on.
    const out = succeeded('auth whoami', r);
    hasHeader('auth whoami', out, ['ATTRIBUTE', 'VALUE']);
    matches('auth whoami', out, /^Username\s+kubernetes-admin$/m, /^Groups\s+\[kubeadm:cluster-admins system:authenticated\]$/m);
  }),

  command('auth can-i --list', async (x) => {
    const out = succeeded('auth can-i --list', await x.k(['auth', 'can-i', '--list']));
    hasHeader('auth can-i --list', out, ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
    matches('auth can-i --list', out, /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m, /^\s+\[\*\]\s+\[\]\s+\[\*\]$/m);
  }),
];
