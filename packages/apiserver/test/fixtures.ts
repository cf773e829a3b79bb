/** Manifests shared by the kubectl integration tests. */
export const podYaml = (name: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sleep", "3600"]
${extra}`;

export const deploymentYaml = (name: string, image = 'nginx:1.25', replicas = 2): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 80
`;

export const nodeJson = (name: string): object => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } },
  status: {
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    nodeInfo: { kubeletVersion: 'v1.32.0', containerRuntimeVersion: 'docker://27.0.0', osImage: 'Debian', kernelVersion: '6.1', architecture: 'amd64', operatingSystem: 'linux' },
    addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: name }],
  },
});
