import { describe, expect, it } from 'vitest';
import type { Container, ObjectReference, Pod } from '@kubelab/api';
import type { EventRecorder } from '../events/event-recorder.js';
import { ContainerProber, probeTypeName, type ProbeHandlers } from './container-prober.js';
import type { ProbeOutcome } from './probe-outcome.js';

interface Recorded {
  ref: ObjectReference;
  type: string;
  reason: string;
  message: string;
}

function setup(outcomes: ProbeOutcome[]) {
  const events: Recorded[] = [];
  const calls: { kind: string; req: unknown }[] = [];
  const next = (kind: string) => (req: unknown) => {
    calls.push({ kind, req });
    return Promise.resolve(outcomes.shift() ?? { result: 'success' as const, output: '' });
  };
  const handlers: ProbeHandlers = { exec: next('exec'), http: next('http'), tcp: next('tcp'), grpc: next('grpc') };
  const recorder: EventRecorder = { event: (ref, type, reason, message) => events.push({ ref, type, reason, message }) };
  return { prober: new ContainerProber({ handlers, recorder }), events, calls };
}

const container = (probe: Container['livenessProbe']): Container => ({
  name: 'app',
  image: 'img',
  env: [{ name: 'FILE', value: '/tmp/healthy' }],
  ports: [{ name: 'http', containerPort: 8080 }],
  livenessProbe: probe,
  readinessProbe: probe,
});
const target = (c: Container) => {
  const pod: Pod = { metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec: { containers: [c] } };
  return { pod, containerName: c.name, containerId: 'cid', podIp: '10.244.0.5' };
};

describe('ContainerProber', () => {
  it('records an Unhealthy event with the output of a failed probe', async () => {
    const c = container({ httpGet: { path: '/healthz', port: 'http' }, timeoutSeconds: 2 });
    const { prober, events, calls } = setup([{ result: 'failure', output: 'HTTP probe failed with statuscode: 500' }]);
    expect(await prober.probe('liveness', target(c), c)).toEqual({ result: 'failure', errored: false });
    expect(events).toEqual([
      {
        ref: { kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: 'web', uid: 'u1', fieldPath: 'spec.containers{app}' },
        type: 'Warning',
        reason: 'Unhealthy',
        message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      },
    ]);
    expect(calls[0]?.req).toMatchObject({ display: 'http://10.244.0.5:8080/healthz', timeoutMs: 2000 });
  });

  it('retries an erroring probe 3 times, then reports it errored', async () => {
    const c = container({ exec: { command: ['cat', '$(FILE)'] } });
    const boom = { result: 'unknown' as const, output: '', error: new Error('container not running') };
    const { prober, events, calls } = setup([boom, boom, boom]);
    expect(await prober.probe('readiness', target(c), c)).toEqual({ result: 'failure', errored: true });
    expect(calls).toHaveLength(3);
    expect(calls[0]?.req).toEqual({ containerId: 'cid', command: ['cat', '/tmp/healthy'], timeoutMs: 1000 });
    expect(events.map((e) => e.message)).toEqual([
      'Readiness probe errored and resulted in unknown state: container not running',
    ]);
  });

  it('stops retrying at the first answer', async () => {
    const c = container({ tcpSocket: { port: 8080 } });
    const { prober, calls } = setup([{ result: 'unknown', output: '', error: new Error('x') }, { result: 'success', output: '' }]);
    expect(await prober.probe('liveness', target(c), c)).toEqual({ result: 'success', errored: false });
    expect(calls.map((x) => x.req)).toEqual([
      { host: '10.244.0.5', port: 8080, timeoutMs: 1000 },
      { host: '10.244.0.5', port: 8080, timeoutMs: 1000 },
    ]);
  });

  it('turns a warning into success with a ProbeWarning event', async () => {
    const c = container({ grpc: { port: 9090 } });
    const { prober, events, calls } = setup([{ result: 'warning', output: 'Probe terminated redirects, Response body: ' }]);
    expect(await prober.probe('startup', target({ ...c, startupProbe: c.livenessProbe }), { ...c, startupProbe: c.livenessProbe })).toEqual({
      result: 'success',
      errored: false,
    });
    expect(calls[0]?.req).toEqual({ host: '10.244.0.5', port: 9090, service: '', timeoutMs: 1000 });
    expect(events.map((e) => [e.reason, e.message])).toEqual([['ProbeWarning', 'Startup probe warning: Probe terminated redirects, Response body: ']]);
  });

  it('reports a bad port and a missing handler as errors', async () => {
    const bad = container({ httpGet: { port: 'web' } });
    const { prober, events } = setup([]);
    expect(await prober.probe('liveness', target(bad), bad)).toEqual({ result: 'failure', errored: true });
    const none = container({ periodSeconds: 5 });
    expect(await prober.probe('liveness', target(none), none)).toEqual({ result: 'failure', errored: true });
    expect(events.map((e) => e.message)).toEqual([
      'Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "web": invalid syntax',
      'Liveness probe errored and resulted in unknown state: missing probe handler for web_default(u1):app',
    ]);
  });

  it('succeeds without a probe of that type', async () => {
    const c: Container = { name: 'app', image: 'img' };
    expect(await setup([]).prober.probe('startup', target(c), c)).toEqual({ result: 'success', errored: false });
  });

  it('names probe types as upstream', () => {
    expect(['liveness', 'readiness', 'startup'].map((t) => probeTypeName(t as 'liveness'))).toEqual(['Liveness', 'Readiness', 'Startup']);
  });
});
