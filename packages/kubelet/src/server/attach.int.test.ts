/**
 * kubectl attach → (a minimal apiserver relaying pods/attach byte for byte) → the kubelet server
 * → a local process standing in for the container's main process, with every kubectl from 1.27
 * to 1.33: SPDY for ≤ 1.29, WebSocket v5 for ≥ 1.30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { startFakeApiServer } from '../streaming/testing/fake-kube-apiserver.js';
import { spawnExecSession } from '../streaming/testing/local-exec-session.js';
import { kubectlVersion, runKubectl } from '../streaming/testing/run-kubectl.js';
import { proxyUpgradeToKubelet } from './testing/kubelet-proxy.js';
import type { TestKubelet } from './testing/test-kubelet.js';
import { startTestKubelet } from './testing/test-kubelet.js';

let kubelet: TestKubelet;
let apiserver: FakeApiServer;
const seen: string[] = [];

beforeAll(async () => {
  kubelet = await startTestKubelet({
    // The "main process" echoes its stdin and exits at its end.
    attach: (_ref, opts) => Promise.resolve(spawnExecSession(opts.stdin ? ['cat'] : ['echo', 'no input'])),
  });
  apiserver = await startFakeApiServer({
    onUpgrade: (req, socket, head, url) => {
      seen.push((req.headers.upgrade ?? '').toLowerCase());
      proxyUpgradeToKubelet(kubelet, req, socket, head, url);
    },
  });
});

afterAll(async () => {
  await apiserver?.close();
  await kubelet?.server.close();
});

describe.each([27, 28, 29, 30, 31, 32, 33])('kubectl 1.%i attach', (minor) => {
  it('relays stdin to the main process and its output back, then exits 0', async () => {
    seen.length = 0;
    const r = await runKubectl({ binary: kubectlVersion(minor), server: apiserver, args: ['attach', '-i', 'web'], input: Buffer.from('line one\nline two\n') });
    expect(r.stdout.toString()).toBe('line one\nline two\n');
    expect(r.code).toBe(0);
    expect(seen).toEqual([minor >= 30 ? 'websocket' : 'spdy/3.1']);
  });
});
