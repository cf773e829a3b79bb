/**
 * A pod from the API server through its whole life on a real kubelet: pull policy, readiness
 * and liveness probes, crash-loop backoff, image pull failures, logs (also --previous), exec,
 * and graceful deletion confirmed back to the API server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from './harness/lab.js';
import { createLab } from './harness/lab.js';
import { waitFor } from './harness/wait-for.js';

let lab: Lab;
const NODE = 'lab-api';

const podYaml = (name: string, spec: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${NODE}
  terminationGracePeriodSeconds: 5
${spec}`;

interface Status {
  phase?: string;
  podIP?: string;
  conditions?: { type: string; status: string }[];
  containerStatuses?: { name: string; ready: boolean; restartCount: number; state?: Record<string, { reason?: string; message?: string; exitCode?: number }>; lastState?: Record<string, { exitCode?: number; reason?: string }> }[];
}

async function status(name: string): Promise<Status | undefined> {
  const r = await lab.kubectl(['get', 'pod', name, '-o', 'jsonpath={.status}']);
  return r.code === 0 && r.stdout ? (JSON.parse(r.stdout) as Status) : undefined;
}

async function events(name: string): Promise<string[]> {
  const r = await lab.kubectl(['get', 'events', '--field-selector', `involvedObject.name=${name}`, '-o', 'jsonpath={range .items[*]}{.reason}: {.message}{"\\n"}{end}']);
  return r.stdout.split('\n').filter(Boolean);
}

beforeAll(async () => {
  lab = await createLab('klapi');
  await lab.addNode(NODE);
  await lab.startApiServer();
  await lab.startKubelet(NODE);
  await waitFor('the node registered', async () => (await lab.kubectl(['get', 'node', NODE])).code === 0);
}, 120_000);

afterAll(async () => {
  await lab?.cleanup();
}, 120_000);

describe('an API pod on a real kubelet', () => {
  it('starts with a present image, becomes Ready through its readiness probe, and serves logs and exec', async () => {
    const spec = `  containers:
  - name: app
    image: busybox:1.36
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; echo started; while true; do sleep 1; done"]
    readinessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      periodSeconds: 1
    livenessProbe:
      exec:
        command: ["true"]
      periodSeconds: 1
`;
    expect((await lab.kubectl(['apply', '-f', '-'], podYaml('app', spec))).code).toBe(0);
    const running = await waitFor('app running', async () => {
      const s = await status('app');
      return s?.phase === 'Running' ? s : undefined;
    });
    expect(running.containerStatuses?.[0]?.ready).toBe(false);
    expect(running.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    const exec = await lab.kubectl(['exec', 'app', '--', 'touch', '/tmp/ready']);
    expect(exec.code).toBe(0);
    await waitFor('app Ready', async () => (await status('app'))?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    expect((await lab.kubectl(['logs', 'app'])).stdout).toBe('started\n');
    const out = await lab.kubectl(['exec', 'app', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(out.stdout).toBe('out\n');
    expect(out.stderr).toContain('err\n');
    expect(out.stderr).toContain('command terminated with exit code 3');
    expect(out.code).toBe(3);
    const ev = await events('app');
    expect(ev).toContain('Pulled: Container image "busybox:1.36" already present on machine');
    expect(ev).toContain('Created: Created container: app');
    expect(ev).toContain('Started: Started container app');
  });

  it('adopts the running API pod after a kubelet restart, without restarting it', async () => {
    const before = (await lab.containers({ 'io.kubernetes.pod.name': 'app' })).filter((c) => c.State === 'running').map((c) => c.Id).sort();
    expect(before).toHaveLength(2); // sandbox + app
    await lab.stopKubelet(NODE);
    await lab.startKubelet(NODE);
    // A full sync of the pod by the new kubelet: its status is written again with the same container.
    await waitFor('the pod Ready under the new kubelet', async () => (await status('app'))?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    const after = (await lab.containers({ 'io.kubernetes.pod.name': 'app' })).map((c) => c.Id).sort();
    expect(after).toEqual(before);
  });

  it('restarts a crashing container with backoff, shows CrashLoopBackOff and keeps the previous log', async () => {
    const spec = `  containers:
  - name: crash
    image: busybox:1.36
    command: ["sh", "-c", "echo attempt; exit 2"]
`;
    expect((await lab.kubectl(['apply', '-f', '-'], podYaml('crash', spec))).code).toBe(0);
    const s = await waitFor('CrashLoopBackOff', async () => {
      const st = await status('crash');
      const c = st?.containerStatuses?.[0];
      return c?.state?.waiting?.reason === 'CrashLoopBackOff' && c.restartCount >= 1 ? st : undefined;
    }, { timeoutMs: 40_000 });
    const c = s.containerStatuses?.[0];
    expect(c?.state?.waiting?.message).toMatch(/^back-off 10s restarting failed container=crash pod=crash_default\(.+\)$/);
    expect(c?.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(s.phase).toBe('Running');
    const table = await lab.kubectl(['get', 'pod', 'crash']);
    expect(table.stdout).toMatch(/crash\s+0\/1\s+CrashLoopBackOff\s+\d+ \(\d+s ago\)/);
    expect((await lab.kubectl(['logs', 'crash', '--previous'])).stdout).toBe('attempt\n');
    expect(await events('crash')).toContainEqual(expect.stringMatching(/^BackOff: Back-off restarting failed container crash in pod crash_default\(/));
  });

  it('reports ErrImagePull then ImagePullBackOff for an image that cannot be pulled', async () => {
    const spec = `  containers:
  - name: x
    image: kubelab-test/not-anywhere:1.0
`;
    expect((await lab.kubectl(['apply', '-f', '-'], podYaml('noimage', spec))).code).toBe(0);
    // The first pull fails (ErrImagePull); the syncs during its backoff report ImagePullBackOff.
    const waiting = await waitFor('ImagePullBackOff', async () => {
      const w = (await status('noimage'))?.containerStatuses?.[0]?.state?.waiting;
      return w?.reason === 'ImagePullBackOff' ? w : undefined;
    }, { timeoutMs: 30_000 });
    expect(waiting.message).toBe('Back-off pulling image "kubelab-test/not-anywhere:1.0"');
    const ev = await events('noimage');
    expect(ev).toContain('Failed: Error: ErrImagePull');
    expect(ev).toContain('Failed: Error: ImagePullBackOff');
    expect(ev).toContain('Pulling: Pulling image "kubelab-test/not-anywhere:1.0"');
    expect(ev).toContainEqual(expect.stringMatching(/^Failed: Failed to pull image "kubelab-test\/not-anywhere:1.0": /));
    expect(ev).toContain('BackOff: Back-off pulling image "kubelab-test/not-anywhere:1.0"');
  });

  it('follows logs with kubectl logs -f until the container exits', async () => {
    const spec = `  restartPolicy: Never
  containers:
  - name: counter
    image: busybox:1.36
    command: ["sh", "-c", "for i in 1 2 3; do echo line $i; sleep 0.3; done"]
`;
    expect((await lab.kubectl(['apply', '-f', '-'], podYaml('counter', spec))).code).toBe(0);
    await waitFor('counter started', async () => (await status('counter'))?.containerStatuses?.[0]?.state?.running !== undefined || (await status('counter'))?.phase === 'Succeeded');
    const r = await lab.kubectl(['logs', '-f', 'counter']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('line 1\nline 2\nline 3\n');
    await waitFor('counter Succeeded', async () => (await status('counter'))?.phase === 'Succeeded');
  });

  it('deletes gracefully: Terminating, containers stopped, then gone from the API', async () => {
    const del = await lab.kubectl(['delete', 'pod', 'app', '--wait=false']);
    expect(del.code).toBe(0);
    await waitFor('the pod gone', async () => (await lab.kubectl(['get', 'pod', 'app'])).code === 1, { timeoutMs: 30_000 });
    const left = await lab.containers({ 'io.kubernetes.pod.name': 'app' });
    expect(left.filter((c) => c.State === 'running')).toEqual([]);
    expect(await events('app')).toContain('Killing: Stopping container app');
  });
});
