import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors.js';
import { findResource } from '../resources.js';
import { FakeClock, FakeResourceClient, RecordingLogger } from '../testing/index.js';
import type { Lease } from '../types/index.js';
import { LeaderElector, validateLeaderElectionConfig, type LeaderElectionConfig } from './leader-elector.js';
import { LeaseLock } from './lease-lock.js';

const LEASES = findResource('coordination.k8s.io', 'v1', 'leases');
if (!LEASES) throw new Error('no leases resource');
const T0 = Date.parse('2026-01-02T03:04:05.000Z');

interface Candidate {
  elector: LeaderElector;
  logger: RecordingLogger;
  started: AbortSignal[];
  stopped: number;
  ctl: AbortController;
  done: Promise<void>;
  events: string[];
}

function setup() {
  const clock = new FakeClock(T0);
  const leases = new FakeResourceClient<Lease>(LEASES as NonNullable<typeof LEASES>, { namespace: 'kube-system' });
  const candidate = (identity: string, extra: Partial<LeaderElectionConfig> = {}): Candidate => {
    const logger = new RecordingLogger();
    const events: string[] = [];
    const c = { logger, started: [] as AbortSignal[], stopped: 0, ctl: new AbortController(), events } as Candidate;
    const lock = new LeaseLock({
      client: leases,
      namespace: 'kube-system',
      name: 'kube-scheduler',
      identity,
      eventRecorder: { event: (_o, type, reason, msg) => events.push(`${type} ${reason} ${msg}`) },
    });
    c.elector = new LeaderElector({
      lock,
      leaseDurationMs: 15_000,
      renewDeadlineMs: 10_000,
      retryPeriodMs: 2_000,
      releaseOnCancel: true,
      clock,
      logger,
      random: () => 0,
      callbacks: {
        onStartedLeading: (signal) => void c.started.push(signal),
        onStoppedLeading: () => void c.stopped++,
      },
      ...extra,
    });
    c.done = c.elector.run(c.ctl.signal);
    return c;
  };
  const lease = (): Lease | undefined => leases.store.read('kube-system/kube-scheduler');
  return { clock, leases, candidate, lease };
}

describe('LeaderElector', () => {
  it('creates the lease and leads when none exists, with client-go log lines', async () => {
    const { candidate, lease } = setup();
    const a = candidate('host-a_1');
    await vi.waitFor(() => expect(a.started).toHaveLength(1));
    const spec = lease()?.spec;
    expect(spec).toEqual({
      holderIdentity: 'host-a_1',
      leaseDurationSeconds: 15,
      acquireTime: '2026-01-02T03:04:05.000000Z',
      renewTime: '2026-01-02T03:04:05.000000Z',
      leaseTransitions: 0,
    });
    expect(a.elector.isLeader()).toBe(true);
    expect(a.logger.at('info').map((e) => e.msg)).toEqual([
      'attempting to acquire leader lease kube-system/kube-scheduler...',
      'successfully acquired lease kube-system/kube-scheduler',
    ]);
    expect(a.events).toEqual(['Normal LeaderElection host-a_1 became leader']);
    a.ctl.abort();
    await a.done;
  });

  it('renews every retry period, keeping acquireTime and transitions', async () => {
    const { candidate, lease, clock } = setup();
    const a = candidate('host-a_1');
    await vi.waitFor(() => expect(a.started).toHaveLength(1));
    await clock.waitForSleepers(1);
    clock.advance(2_000);
    await vi.waitFor(() => expect(lease()?.spec?.renewTime).toBe('2026-01-02T03:04:07.000000Z'));
    expect(lease()?.spec?.acquireTime).toBe('2026-01-02T03:04:05.000000Z');
    expect(lease()?.spec?.leaseTransitions).toBe(0);
    a.ctl.abort();
    await a.done;
  });

  it('lets only one of two candidates lead; the other takes over after a release', async () => {
    const { candidate, lease, clock } = setup();
    const a = candidate('host-a_1');
    await vi.waitFor(() => expect(a.started).toHaveLength(1));
    const b = candidate('host-b_2');
    await vi.waitFor(() => expect(b.logger.at('debug').map((e) => e.msg)).toContain('lock is held by host-a_1 and has not yet expired'));
    expect(b.started).toHaveLength(0);
    expect(b.elector.isLeader()).toBe(false);
    expect(b.elector.getLeader()).toBe('host-a_1');

    a.ctl.abort();
    await a.done;
    expect(a.started[0]?.aborted).toBe(true);
    expect(a.stopped).toBe(1);
    expect(lease()?.spec?.holderIdentity).toBe('');
    expect(lease()?.spec?.leaseDurationSeconds).toBe(1);
    expect(a.events).toContain('Normal LeaderElection host-a_1 stopped leading');

    // b observed the old record at T0 with a 15 s duration; the release changes the record, so
    // b's next look sees an empty holder and takes over at once.
    while (b.started.length === 0) {
      await clock.waitForSleepers(1);
      clock.advanceToNext();
      await vi.waitFor(() => expect(clock.pendingSleeps() > 0 || b.started.length > 0).toBe(true));
    }
    expect(lease()?.spec?.holderIdentity).toBe('host-b_2');
    expect(lease()?.spec?.leaseTransitions).toBe(1);
    b.ctl.abort();
    await b.done;
  });

  it('takes over a lease whose holder stopped renewing once leaseDuration has passed', async () => {
    const { candidate, lease, clock, leases } = setup();
    await leases.create({
      metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
      spec: {
        holderIdentity: 'dead_0',
        leaseDurationSeconds: 15,
        acquireTime: '2026-01-02T03:00:00.000000Z',
        renewTime: '2026-01-02T03:04:00.000000Z',
        leaseTransitions: 4,
      },
    });
    const b = candidate('host-b_2');
    await clock.waitForSleepers(1);
    expect(b.started).toHaveLength(0);
    // The lease is valid for 15 s from when b first observed it (its own clock).
    while (clock.now() < T0 + 14_000) {
      clock.advance(2_000);
      await clock.waitForSleepers(1);
    }
    expect(b.started).toHaveLength(0);
    clock.advance(2_000);
    await vi.waitFor(() => expect(b.started).toHaveLength(1));
    expect(lease()?.spec?.holderIdentity).toBe('host-b_2');
    expect(lease()?.spec?.leaseTransitions).toBe(5);
    b.ctl.abort();
    await b.done;
  });

  it('stops leading when it cannot renew within the renew deadline', async () => {
    const { candidate, clock, leases } = setup();
    const a = candidate('host-a_1');
    await vi.waitFor(() => expect(a.started).toHaveLength(1));
    const down = new Error('connection refused');
    for (let i = 0; i < 20; i++) {
      leases.store.failNext('update', down);
      leases.store.failNext('get', down);
    }
    while (a.stopped === 0) {
      await clock.waitForSleepers(1);
      clock.advanceToNext();
      await vi.waitFor(() => expect(clock.pendingSleeps() > 0 || a.stopped > 0).toBe(true));
    }
    await a.done;
    expect(a.started[0]?.aborted).toBe(true);
    expect(a.logger.at('info').map((e) => e.msg)).toContain(
      'failed to renew lease kube-system/kube-scheduler: context deadline exceeded',
    );
    expect(a.logger.at('error').map((e) => e.msg)).toContain(
      'error retrieving resource lock kube-system/kube-scheduler: connection refused',
    );
  });

  it('loses a race to write the lease on conflict: optimistic concurrency', async () => {
    const { candidate, lease, leases } = setup();
    await leases.create({
      metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
      spec: { holderIdentity: '', leaseDurationSeconds: 1, leaseTransitions: 2 },
    });
    // Someone else writes between b's get and its update.
    const realUpdate = leases.update.bind(leases);
    let raced = false;
    leases.update = async (obj: Lease) => {
      if (!raced) {
        raced = true;
        const cur = leases.store.read('kube-system/kube-scheduler') as Lease;
        await realUpdate({ ...cur, spec: { ...cur.spec, holderIdentity: 'intruder_9', leaseDurationSeconds: 15 } });
      }
      return realUpdate(obj);
    };
    const b = candidate('host-b_2');
    await vi.waitFor(() =>
      expect(b.logger.at('error').map((e) => e.msg)).toContain(
        'Failed to update lock: Operation cannot be fulfilled on leases.coordination.k8s.io "kube-scheduler": the object has been modified; please apply your changes to the latest version and try again',
      ),
    );
    expect(b.started).toHaveLength(0);
    expect(lease()?.spec?.holderIdentity).toBe('intruder_9');
    b.ctl.abort();
    await b.done;
    expect(b.stopped).toBe(1);
  });

  it('reports NotFound-free errors from create', async () => {
    const { candidate, leases } = setup();
    leases.store.failNext('create', new ApiError('Forbidden', 'leases.coordination.k8s.io is forbidden'));
    const a = candidate('host-a_1');
    await vi.waitFor(() =>
      expect(a.logger.at('error').map((e) => e.msg)).toContain(
        'error initially creating leader election record: leases.coordination.k8s.io is forbidden',
      ),
    );
    a.ctl.abort();
    await a.done;
  });
});

describe('validateLeaderElectionConfig', () => {
  const base = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 } as LeaderElectionConfig;
  it('accepts the defaults and rejects what client-go rejects', () => {
    expect(validateLeaderElectionConfig(base)).toBeUndefined();
    expect(validateLeaderElectionConfig({ ...base, leaseDurationMs: 10_000 })).toBe(
      'leaseDuration must be greater than renewDeadline',
    );
    expect(validateLeaderElectionConfig({ ...base, retryPeriodMs: 9_000 })).toBe(
      'renewDeadline must be greater than retryPeriod*JitterFactor',
    );
  });
});
