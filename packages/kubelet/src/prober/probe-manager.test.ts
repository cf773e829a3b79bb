import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container, ObjectReference, Pod, Probe } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ProbeHandlers } from './container-prober.js';
import type { ProbeOutcome } from './probe-outcome.js';
import { ProbeManagerImpl, unhealthyMessage } from './probe-manager.js';
import type { ProbeTarget, ProbeType } from './prober.js';

const http = (path: string, extra: Probe = {}): Probe => ({ httpGet: { path, port: 8080 }, ...extra });

function makePod(probes: Partial<Record<`${ProbeType}Probe`, Probe>>, extra: Partial<Pod['spec']> = {}, uid = 'pod-1'): Pod {
  const container: Container = { name: 'app', image: 'img', ...probes };
  return { metadata: { name: 'web', namespace: 'default', uid }, spec: { containers: [container], ...extra } };
}

function harness(opts: { running?: (id: string) => boolean | undefined } = {}) {
  const clock = new FakeClock(0);
  const answers = new Map<string, ProbeOutcome>();
  const calls: [number, string][] = [];
  const events: [ObjectReference, string, string][] = [];
  const unhealthy: [string, ProbeType, string][] = [];
  const changes: string[] = [];
  const answer = (path: string): Promise<ProbeOutcome> => {
    calls.push([clock.now(), path]);
    return Promise.resolve(answers.get(path) ?? { result: 'success', output: '' });
  };
  const handlers: ProbeHandlers = {
    http: (req) => answer(req.url.pathname),
    exec: (req) => answer(req.command.join(' ')),
    tcp: () => answer('tcp'),
    grpc: () => answer('grpc'),
  };
  const recorder: EventRecorder = { event: (ref, _type, reason, message) => events.push([ref, reason, message]) };
  const mgr = new ProbeManagerImpl({
    execSync: () => Promise.reject(new Error('unused')),
    recorder,
    clock,
    random: () => 0,
    handlers,
    isContainerRunning: opts.running,
  });
  mgr.onUnhealthy((t, type, message) => unhealthy.push([t.containerId, type, message]));
  mgr.onResultChange((uid) => changes.push(uid));
  const target = (pod: Pod, containerId = 'c1'): ProbeTarget => ({ pod, containerName: 'app', containerId, podIp: '10.244.0.9' });
  const fail500 = (path: string) => answers.set(path, { result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  const tick = async (ms: number, sleepers: number) => {
    clock.advance(ms);
    await clock.waitForSleepers(sleepers);
  };
  return { clock, mgr, answers, calls, events, unhealthy, changes, target, fail500, tick };
}

describe('ProbeManagerImpl', () => {
  it('is ready and started without probes', () => {
    const h = harness();
    h.mgr.addContainer(h.target(makePod({})));
    expect(h.mgr.isReady('c1')).toBe(true);
    expect(h.mgr.isStarted('c1')).toBe(true);
    expect(h.mgr.isReady('unknown')).toBe(true);
  });

  it('starts unready, follows readiness results and reports changes', async () => {
    const h = harness();
    h.fail500('/ready');
    h.mgr.addContainer(h.target(makePod({ readinessProbe: http('/ready', { periodSeconds: 10, failureThreshold: 1 }) })));
    expect(h.mgr.isReady('c1')).toBe(false);
    await h.clock.waitForSleepers(1);
    expect(h.mgr.isReady('c1')).toBe(false);
    h.answers.delete('/ready');
    await h.tick(10_000, 1);
    expect(h.mgr.isReady('c1')).toBe(true);
    expect(h.changes).toEqual(['pod-1', 'pod-1']);
    expect(h.events.map((e) => [e[0].fieldPath, e[1], e[2]])).toEqual([
      ['spec.containers{app}', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500'],
    ]);
    h.mgr.stop();
  });

  it('asks for a restart when liveness fails failureThreshold times', async () => {
    const h = harness();
    h.fail500('/live');
    h.mgr.addContainer(h.target(makePod({ livenessProbe: http('/live', { periodSeconds: 10 }) })));
    await h.clock.waitForSleepers(1);
    await h.tick(10_000, 1);
    expect(h.unhealthy).toEqual([]);
    await h.tick(10_000, 1);
    expect(h.unhealthy).toEqual([['c1', 'liveness', 'Container app failed liveness probe, will be restarted']]);
    expect(h.mgr.result('c1', 'liveness')).toBe('failure');
    expect(h.events.map((e) => e[2])).toEqual(Array(3).fill('Liveness probe failed: HTTP probe failed with statuscode: 500'));
    await h.tick(10_000, 1);
    expect(h.calls).toHaveLength(3);
    h.mgr.stop();
  });

  it('gates liveness and readiness on the startup probe, then runs readiness at once', async () => {
    const h = harness();
    h.fail500('/start');
    h.mgr.addContainer(
      h.target(
        makePod({
          startupProbe: http('/start', { periodSeconds: 5, failureThreshold: 30 }),
          livenessProbe: http('/live', { periodSeconds: 7 }),
          readinessProbe: http('/ready', { periodSeconds: 11 }),
        }),
      ),
    );
    await h.clock.waitForSleepers(3);
    expect(h.mgr.isStarted('c1')).toBe(false);
    expect(h.mgr.isReady('c1')).toBe(false);
    h.answers.delete('/start');
    await h.tick(5_000, 3);
    expect(h.mgr.isStarted('c1')).toBe(true);
    expect(h.mgr.isReady('c1')).toBe(true);
    await h.tick(2_000, 3);
    expect(h.calls).toEqual([
      [0, '/start'],
      [5_000, '/start'],
      [5_000, '/ready'],
      [7_000, '/live'],
    ]);
    h.mgr.stop();
  });

  it('asks for a restart when the startup probe gives up; no restart with restartPolicy Never', async () => {
    const h = harness();
    h.fail500('/start');
    h.mgr.addContainer(h.target(makePod({ startupProbe: http('/start', { periodSeconds: 1, failureThreshold: 1 }) }, { restartPolicy: 'Never' })));
    await h.clock.waitForSleepers(1);
    expect(h.unhealthy).toEqual([['c1', 'startup', 'Container app failed startup probe']]);
    expect(unhealthyMessage(h.target(makePod({})), 'startup')).toBe('Container app failed startup probe, will be restarted');
    h.mgr.stop();
  });

  it('keeps results per container instance and replaces an older instance', async () => {
    const h = harness();
    const pod = makePod({ readinessProbe: http('/ready', { periodSeconds: 10 }) });
    h.mgr.addContainer(h.target(pod, 'c1'));
    await h.clock.waitForSleepers(1);
    expect(h.mgr.isReady('c1')).toBe(true);
    h.mgr.addContainer(h.target(pod, 'c1'));
    expect(h.calls).toHaveLength(1);
    h.mgr.addContainer(h.target(pod, 'c2'));
    expect(h.mgr.result('c1', 'readiness')).toBeUndefined();
    expect(h.mgr.isReady('c2')).toBe(false);
    await h.clock.waitForSleepers(1);
    expect(h.mgr.isReady('c2')).toBe(true);
    h.mgr.removePod('pod-1');
    expect(h.mgr.result('c2', 'readiness')).toBeUndefined();
    expect(h.clock.pendingSleeps()).toBe(0);
  });

  it('stops liveness quietly once the pod is being deleted', async () => {
    const h = harness();
    h.fail500('/live');
    const pod = makePod({ livenessProbe: http('/live', { periodSeconds: 10, failureThreshold: 2 }) });
    h.mgr.addContainer(h.target(pod));
    await h.clock.waitForSleepers(1);
    h.mgr.addContainer(h.target({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }));
    h.clock.advance(10_000);
    await expect.poll(() => h.mgr.result('c1', 'liveness')).toBe('success');
    expect(h.unhealthy).toEqual([]);
    expect(h.calls).toHaveLength(1);
  });

  it('fails readiness of a container the runtime reports stopped', async () => {
    let running = true;
    const h = harness({ running: () => running });
    h.mgr.addContainer(h.target(makePod({ readinessProbe: http('/ready', { periodSeconds: 10 }) })));
    await h.clock.waitForSleepers(1);
    expect(h.mgr.isReady('c1')).toBe(true);
    running = false;
    h.clock.advance(10_000);
    await expect.poll(() => h.mgr.isReady('c1')).toBe(false);
    expect(h.unhealthy).toEqual([]);
  });
});

describe('ProbeManagerImpl against a real HTTP server (real time)', () => {
  let server: Server;
  let port: number;
  let status = 200;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('becomes ready, turns unready and asks for a restart as the server answers', async () => {
    const events: string[] = [];
    const mgr = new ProbeManagerImpl({
      execSync: () => Promise.reject(new Error('unused')),
      recorder: { event: (_ref, _type, _reason, message) => events.push(message) },
      random: () => 0,
    });
    const changed: (() => void)[] = [];
    mgr.onResultChange(() => changed.splice(0).forEach((f) => f()));
    const unhealthy = new Promise<string>((resolve) => mgr.onUnhealthy((_t, _type, message) => resolve(message)));
    const nextChange = () => new Promise<void>((resolve) => changed.push(resolve));
    const probe = (path: string): Probe => ({ httpGet: { path, port }, periodSeconds: 1, failureThreshold: 1 });
    const pod = makePod({ readinessProbe: probe('/ready'), livenessProbe: probe('/live') });

    const ready = nextChange();
    mgr.addContainer({ pod, containerName: 'app', containerId: 'real-1', podIp: '127.0.0.1' });
    await ready;
    while (!mgr.isReady('real-1')) await nextChange();
    expect(mgr.isReady('real-1')).toBe(true);

    status = 500;
    while (mgr.isReady('real-1')) await nextChange();
    expect(await unhealthy).toBe('Container app failed liveness probe, will be restarted');
    expect(events).toContain('Readiness probe failed: HTTP probe failed with statuscode: 500');
    expect(events).toContain('Liveness probe failed: HTTP probe failed with statuscode: 500');
    mgr.stop();
  });
});
