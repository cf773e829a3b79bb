import { describe, expect, it } from 'vitest';
import type { Container, Pod, Probe } from '@kubelab/api';
import { FakeClock } from '@kubelab/api/testing';
import type { ProbeVerdict } from './container-prober.js';
import { ProbeWorker, type ProbeWorkerHost } from './probe-worker.js';
import type { ProbeResult, ProbeType } from './prober.js';

interface Harness {
  clock: FakeClock;
  host: ProbeWorkerHost;
  probes: number[];
  results: [number, ProbeResult, boolean][];
  verdicts: ProbeVerdict[];
  started: { value: boolean };
  running: { value: boolean | undefined };
  pending?: () => void;
  slowStarted?: Promise<void>;
}

function harness(opts: { random?: number; managerStartedAt?: number; now?: number; slow?: boolean } = {}): Harness {
  const clock = new FakeClock(opts.now ?? 0);
  const h: Harness = {
    clock,
    probes: [],
    results: [],
    verdicts: [],
    started: { value: true },
    running: { value: true },
    host: undefined as unknown as ProbeWorkerHost,
  };
  let slowStarted: () => void = () => {};
  h.slowStarted = new Promise((resolve) => (slowStarted = resolve));
  h.host = {
    clock,
    random: () => opts.random ?? 0,
    startedAt: opts.managerStartedAt ?? 0,
    probe: () => {
      h.probes.push(clock.now());
      const verdict = h.verdicts.shift() ?? { result: 'success', errored: false };
      if (!opts.slow || h.probes.length > 1) return Promise.resolve(verdict);
      slowStarted();
      return new Promise((resolve) => (h.pending = () => resolve(verdict)));
    },
    isRunning: () => h.running.value,
    isStarted: () => h.started.value,
    setResult: (_id, _type, result, fromProbe) => h.results.push([clock.now(), result, fromProbe]),
  };
  return h;
}

const fail: ProbeVerdict = { result: 'failure', errored: false };
const ok: ProbeVerdict = { result: 'success', errored: false };

function worker(h: Harness, type: ProbeType, probe: Probe, extra: { startedAt?: number; pod?: Pod } = {}): ProbeWorker {
  const container: Container = { name: 'app', image: 'img', [`${type}Probe`]: probe };
  const pod = extra.pod ?? { metadata: { name: 'p', uid: 'u' }, spec: { containers: [container] } };
  return new ProbeWorker(h.host, type, { pod, containerName: 'app', containerId: 'c1', podIp: '10.0.0.1' }, container, extra.startedAt ?? h.clock.now());
}

/** Advances the fake clock and waits until the worker sleeps again. */
async function tick(h: Harness, ms: number): Promise<void> {
  h.clock.advance(ms);
  await h.clock.waitForSleepers(1);
}

describe('ProbeWorker timing', () => {
  it('probes at once, then every period, and sets a result only past the threshold', async () => {
    const h = harness();
    h.verdicts.push(ok, fail, fail, fail, ok, ok);
    const w = worker(h, 'readiness', { periodSeconds: 10, failureThreshold: 3, successThreshold: 2 });
    void w.run();
    await h.clock.waitForSleepers(1);
    for (let i = 0; i < 5; i++) await tick(h, 10_000);
    expect(h.probes).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    // initial failure; one success is below successThreshold 2; three failures; two successes.
    expect(h.results).toEqual([
      [0, 'failure', false],
      [30_000, 'failure', true],
      [50_000, 'success', true],
    ]);
    w.stop();
  });

  it('waits initialDelaySeconds (whole seconds since the container started)', async () => {
    const h = harness();
    const w = worker(h, 'liveness', { periodSeconds: 10, initialDelaySeconds: 15 });
    void w.run();
    await h.clock.waitForSleepers(1);
    await tick(h, 10_000);
    await tick(h, 10_000);
    expect(h.probes).toEqual([20_000]);
    w.stop();

    const h2 = harness();
    const w2 = worker(h2, 'liveness', { periodSeconds: 10, initialDelaySeconds: 15 }, { startedAt: -12_000 });
    void w2.run();
    await h2.clock.waitForSleepers(1);
    await tick(h2, 10_000);
    expect(h2.probes).toEqual([10_000]);
    w2.stop();
  });

  it('holds a failed liveness worker until the container is replaced', async () => {
    const h = harness();
    h.verdicts.push(fail, fail);
    const w = worker(h, 'liveness', { periodSeconds: 5, failureThreshold: 2 });
    void w.run();
    await h.clock.waitForSleepers(1);
    await tick(h, 5_000);
    await tick(h, 5_000);
    await tick(h, 5_000);
    expect(h.probes).toEqual([0, 5_000]);
    expect(h.results).toEqual([
      [0, 'success', false],
      [5_000, 'failure', true],
    ]);
    w.stop();
  });

  it('discards errored probes', async () => {
    const h = harness();
    h.verdicts.push({ result: 'failure', errored: true }, fail);
    const w = worker(h, 'liveness', { periodSeconds: 1, failureThreshold: 1 });
    void w.run();
    await h.clock.waitForSleepers(1);
    expect(h.results).toEqual([[0, 'success', false]]);
    await tick(h, 1_000);
    expect(h.results).toEqual([
      [0, 'success', false],
      [1_000, 'failure', true],
    ]);
    w.stop();
  });

  it('spreads the first probe over the period right after kubelet start only', async () => {
    const h = harness({ random: 0.5 });
    const w = worker(h, 'readiness', { periodSeconds: 10 });
    void w.run();
    await h.clock.waitForSleepers(1);
    expect(h.probes).toEqual([]);
    await tick(h, 5_000);
    expect(h.probes).toEqual([5_000]);
    await tick(h, 10_000);
    expect(h.probes).toEqual([5_000, 15_000]);
    w.stop();

    const late = harness({ random: 0.5, now: 20_000 });
    const w2 = worker(late, 'readiness', { periodSeconds: 10 });
    void w2.run();
    await late.clock.waitForSleepers(1);
    expect(late.probes).toEqual([20_000]);
    w2.stop();
  });

  it('collapses ticks missed during a slow probe into one, as a Go ticker', async () => {
    const h = harness({ slow: true });
    const w = worker(h, 'readiness', { periodSeconds: 10 });
    const done = w.run();
    await h.slowStarted;
    expect(h.probes).toEqual([0]);
    h.clock.advance(25_000);
    h.pending?.();
    await h.clock.waitForSleepers(1);
    expect(h.probes).toEqual([0, 25_000]);
    await tick(h, 5_000);
    expect(h.probes).toEqual([0, 25_000, 30_000]);
    w.stop();
    await done;
  });

  it('probes at once on a trigger, keeping its schedule', async () => {
    const h = harness();
    const w = worker(h, 'readiness', { periodSeconds: 10 });
    void w.run();
    await h.clock.waitForSleepers(1);
    await tick(h, 4_000);
    w.trigger();
    await h.clock.waitForSleepers(1);
    await tick(h, 6_000);
    expect(h.probes).toEqual([0, 4_000, 10_000]);
    w.stop();
  });
});

describe('ProbeWorker gating', () => {
  it('leaves liveness and readiness idle until started, and startup idle after', async () => {
    const h = harness();
    h.started.value = false;
    const live = worker(h, 'liveness', { periodSeconds: 10 });
    void live.run();
    await h.clock.waitForSleepers(1);
    expect(h.probes).toEqual([]);
    h.started.value = true;
    await tick(h, 10_000);
    expect(h.probes).toEqual([10_000]);
    live.stop();

    const s = harness();
    const startup = worker(s, 'startup', { periodSeconds: 10 });
    const ended = startup.run();
    await ended;
    expect(s.probes).toEqual([]);
  });

  it('ends with success for liveness of a pod being deleted', async () => {
    const h = harness();
    const pod: Pod = { metadata: { name: 'p', uid: 'u', deletionTimestamp: '2026-01-01T00:00:00Z' }, spec: { containers: [] } };
    await worker(h, 'liveness', { periodSeconds: 10 }, { pod }).run();
    expect(h.probes).toEqual([]);
    expect(h.results).toEqual([
      [0, 'success', false],
      [0, 'success', false],
    ]);
  });

  it('fails readiness and ends when the container is no longer running; waits while unknown', async () => {
    const h = harness();
    h.running.value = undefined;
    const w = worker(h, 'readiness', { periodSeconds: 10 });
    const ended = w.run();
    await h.clock.waitForSleepers(1);
    expect(h.probes).toEqual([]);
    h.running.value = false;
    h.clock.advance(10_000);
    await ended;
    expect(h.results).toEqual([
      [0, 'failure', false],
      [10_000, 'failure', false],
    ]);
  });
});
