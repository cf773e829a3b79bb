/**
 * kubectl → (a minimal apiserver relaying pods/exec and pods/log like @kubelab/apiserver) →
 * the kubelet server, authenticated by the apiserver's client certificate. Exec runs local child
 * processes; logs are read from a real CRI log file by the CRI log reader.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { startFakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { KUBECTL_128, KUBECTL_132, runKubectl } from '../streaming/testing/run-kubectl.js';
import { execContainerNotFound } from './kubelet-errors.js';
import { spawnExecSession } from '../streaming/testing/local-exec-session.js';
import { proxyLogToKubelet, proxyUpgradeToKubelet } from './testing/kubelet-proxy.js';
import type { TestKubelet } from './testing/test-kubelet.js';
import { startTestKubelet } from './testing/test-kubelet.js';

let dir: string;
let kubelet: TestKubelet;
let apiserver: FakeApiServer;
let waitingReason: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubelab-kubelet-server-'));
  const logPath = join(dir, '0.log');
  await writeFile(
    logPath,
    [
      '2026-11-27T23:07:03.989000000Z stdout F first line',
      '2026-11-27T23:07:04.000000001Z stderr P partial ',
      '2026-11-27T23:07:04.100000000Z stderr F joined',
      '2026-11-27T23:07:05.000000000Z stdout F last line',
      '',
    ].join('\n'),
  );
  kubelet = await startTestKubelet({
    resolveContainerLog: () => waitingReason ?? { logPath, running: false },
    readLog: undefined,
    exec: (ref, command) => {
      if (ref.container !== 'main') return Promise.reject(execContainerNotFound(ref.container));
      return Promise.resolve(spawnExecSession(command));
    },
  });
  apiserver = await startFakeApiServer({
    onUpgrade: (req, socket, head, url) => proxyUpgradeToKubelet(kubelet, req, socket, head, url),
    onLog: (_req, res, url) => proxyLogToKubelet(kubelet, res, url),
  });
});

afterAll(async () => {
  await apiserver.close();
  await kubelet.server.close();
  await rm(dir, { recursive: true, force: true });
});

const clients: { name: string; binary: string; env: Record<string, string> }[] = [
  { name: 'kubectl 1.32 (WebSocket)', binary: KUBECTL_132, env: {} },
  { name: 'kubectl 1.32 (SPDY)', binary: KUBECTL_132, env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } },
  { name: 'kubectl 1.28 (SPDY)', binary: KUBECTL_128, env: {} },
];

describe.each(clients)('exec through the kubelet with $name', (client) => {
  const kubectl = (args: string[], input?: Buffer) => runKubectl({ binary: client.binary, env: client.env, server: apiserver, args, input });

  it('relays output, stdin and the exit code', async () => {
    const r = await kubectl(['exec', '-i', 'seed', '--', 'sh', '-c', 'cat; echo err >&2; exit 3'], Buffer.from('piped\n'));
    expect(r.stdout.toString()).toBe('piped\n');
    expect(r.stderr).toContain('err\n');
    expect(r.stderr).toContain('command terminated with exit code 3');
    expect(r.code).toBe(3);
  });

  it('reports the kubelet refusing the container', async () => {
    const r = await kubectl(['exec', 'seed', '-c', 'nope', '--', 'true']);
    expect(r.stderr).toContain('container not found ("nope")');
    expect(r.code).toBe(1);
  });
});

describe('logs through the kubelet', () => {
  const kubectl = (args: string[]) => runKubectl({ binary: KUBECTL_132, server: apiserver, args });

  it('shows the log content, joined partial lines and timestamps', async () => {
    waitingReason = undefined;
    expect((await kubectl(['logs', 'seed'])).stdout.toString()).toBe('first line\npartial joined\nlast line\n');
    expect((await kubectl(['logs', 'seed', '--tail=1', '--timestamps'])).stdout.toString()).toBe('2026-11-27T23:07:05.000000000Z last line\n');
  });

  it('shows the kubelet error for a container that has not started', async () => {
    waitingReason = 'container "main" in pod "seed" is waiting to start: ContainerCreating';
    const r = await kubectl(['logs', 'seed']);
    expect(r.stderr.trim()).toBe('Error from server (BadRequest): container "main" in pod "seed" is waiting to start: ContainerCreating');
    expect(r.code).toBe(1);
  });
});
