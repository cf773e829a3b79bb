/** The objects every kubectl version of the matrix creates in its own namespace. */

export const IMAGE = 'busybox:1.36';

/** A shell loop that ends at once on SIGTERM (so deletions and rollouts do not wait out the grace period). */
export const serve = (line: string): string => `trap 'exit 0' TERM; echo ${line}; while true; do sleep 1; done`;

export const webDeployment = (replicas: number, extraLabel = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web${extraLabel ? `\n    tier: ${extraLabel}` : ''}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 5
      containers:
      - name: web
        image: ${IMAGE}
        command: ["sh", "-c", "${serve('serving')}"]
`;

/** Two containers: main serves HTTP on 8080 (for port-forward), side only logs. */
export const boxPod = `apiVersion: v1
kind: Pod
metadata:
  name: box
  labels:
    app: box
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: main
    image: ${IMAGE}
    command: ["sh", "-c", "mkdir -p /www && echo hello through port-forward > /www/index.html && echo main says hi && exec httpd -f -p 8080 -h /www"]
    ports:
    - containerPort: 8080
  - name: side
    image: ${IMAGE}
    command: ["sh", "-c", "${serve('side says hi')}"]
`;

/** Exits 1 after one line, so the kubelet restarts it and `logs --previous` has something to show. */
export const crashyPod = `apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  containers:
  - name: crashy
    image: ${IMAGE}
    command: ["sh", "-c", "echo about to crash; exit 1"]
`;

/** PID 1 without a TERM handler ignores SIGTERM: the pod takes its grace period to go away. */
export const doomedPod = `apiVersion: v1
kind: Pod
metadata:
  name: doomed
spec:
  terminationGracePeriodSeconds: 4
  containers:
  - name: doomed
    image: ${IMAGE}
    command: ["sleep", "3600"]
`;

export const colorConfigMap = (name: string, color: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  color: ${color}
`;

/** A Deployment whose one pod can only run on the node worker (the drain target). */
export const draineeDeployment = (node: string, taint: { key: string; value: string; effect: string }): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: drainee
spec:
  replicas: 1
  selector:
    matchLabels:
      app: drainee
  template:
    metadata:
      labels:
        app: drainee
    spec:
      terminationGracePeriodSeconds: 5
      nodeSelector:
        kubernetes.io/hostname: ${node}
      tolerations:
      - key: ${taint.key}
        operator: Equal
        value: ${taint.value}
        effect: ${taint.effect}
      containers:
      - name: drainee
        image: ${IMAGE}
        command: ["sh", "-c", "${serve('drain me')}"]
        volumeMounts:
        - name: scratch
          mountPath: /scratch
      volumes:
      - name: scratch
        emptyDir: {}
`;
