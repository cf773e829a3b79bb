/** Bad requests get the upstream status code and message, and nothing is stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from '../src/testing/test-cluster.js';
import type { TestCluster } from '../src/testing/test-cluster.js';
import { raw } from './http-client.js';

let c: TestCluster;
const PODS = '/api/v1/namespaces/default/pods';

beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => {
  await c?.stop();
});

async function podNames(): Promise<string[]> {
  const r = await raw(c, 'GET', PODS);
  return r.json<{ items: { metadata: { name: string } }[] }>().items.map((i) => i.metadata.name);
}

const pod = (name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }] }, ...extra });

describe('bad input', () => {
  it('malformed JSON: 400 BadRequest', async () => {
    const r = await raw(c, 'POST', PODS, { body: '{"apiVersion": "v1", "kind": "Pod", ' });
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(r.json<{ message: string }>().message).toMatch(/^the object provided is unrecognized \(must be of type Pod\): couldn't get version\/kind; json parse error/);
    expect(await podNames()).toEqual([]);
  });

  it('malformed YAML through kubectl: a clear client error', async () => {
    const r = await c.kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: Pod\nmetadata: [\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error');
    expect(await podNames()).toEqual([]);
  });

  it('wrong kind for the URL: 400', async () => {
    const r = await raw(c, 'POST', PODS, { body: JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' } }) });
    expect(r.status).toBe(400);
    expect(r.json<{ message: string }>().message).toContain('cannot be handled as a Pod');
    const v = await raw(c, 'POST', PODS, { body: JSON.stringify({ apiVersion: 'apps/v1', kind: 'Pod', metadata: { name: 'x' } }) });
    expect(v.status).toBe(400);
    expect(v.json<{ message: string }>().message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
    expect(await podNames()).toEqual([]);
  });

  it('invalid names: 422 Invalid with a field cause', async () => {
    const r = await raw(c, 'POST', PODS, { body: pod('Bad_Name') });
    expect(r.status).toBe(422);
    const s = r.json<{ reason: string; message: string; details: { name: string; kind: string; causes: { field: string; reason: string }[] } }>();
    expect(s.reason).toBe('Invalid');
    expect(s.message).toMatch(/^Pod "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/);
    expect(s.details).toMatchObject({ name: 'Bad_Name', kind: 'Pod' });
    expect(s.details.causes[0]).toMatchObject({ field: 'metadata.name', reason: 'FieldValueInvalid' });
    const k = await c.kubectl(['run', 'Bad_Name', '--image=busybox']);
    // kubectl run names the container after the pod: both names are refused, as a list.
    expect(k.stderr).toMatch(/^The Pod "Bad_Name" is invalid: \n\* metadata\.name: Invalid value: "Bad_Name"/);
    expect(k.stderr).toContain('* spec.containers[0].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label');
    expect(await podNames()).toEqual([]);
  });

  it('missing required fields: 422 with every cause', async () => {
    const r = await raw(c, 'POST', PODS, { body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noimg' }, spec: { containers: [{ name: 'c' }] } }) });
    expect(r.status).toBe(422);
    expect(r.json<{ message: string }>().message).toContain('spec.containers[0].image: Required value');
    expect(await podNames()).toEqual([]);
  });

  it('oversized bodies: 413 RequestEntityTooLarge', async () => {
    const big = pod('big', { metadata: { name: 'big', annotations: { a: 'x'.repeat(4 * 1024 * 1024) } } });
    const r = await raw(c, 'POST', PODS, { body: big });
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728' });
    expect(await podNames()).toEqual([]);
  });

  it('unknown fields: 400 under Strict, a warning under Warn', async () => {
    const body = pod('strict', { spec: { containers: [{ name: 'c', image: 'busybox', imagee: 'x' }], foo: 1 } });
    const r = await raw(c, 'POST', `${PODS}?fieldValidation=Strict`, { body });
    expect(r.status).toBe(400);
    expect(r.json<{ message: string }>().message).toMatch(/^Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec\.(containers\[0\]\.imagee|foo)"/);
    expect(await podNames()).toEqual([]);
    const k = await c.kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: strict\nspec:\n  bogus: 1\n  containers:\n  - name: c\n    image: busybox\n' });
    expect(k.code).toBe(1);
    expect(k.stderr).toContain('unknown field "spec.bogus"');
    const w = await raw(c, 'POST', PODS, { body: pod('warned', { spec: { containers: [{ name: 'c', image: 'busybox' }], foo: 1 } }) });
    expect(w.status).toBe(201);
    expect(String(w.headers.warning)).toContain('unknown field \\"spec.foo\\"');
    expect(await podNames()).toEqual(['warned']);
  });

  it('missing namespaces: 404 for the namespace', async () => {
    const r = await raw(c, 'POST', '/api/v1/namespaces/nowhere/configmaps', { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }) });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ reason: 'NotFound', message: 'namespaces "nowhere" not found', details: { name: 'nowhere', kind: 'namespaces' } });
  });

  it('unknown resources: 404 the server could not find the requested resource', async () => {
    const r = await raw(c, 'GET', '/api/v1/namespaces/default/widgets');
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({ reason: 'NotFound', message: 'the server could not find the requested resource' });
  });

  it('stale updates: 409 Conflict', async () => {
    const created = await raw(c, 'POST', '/api/v1/namespaces/default/configmaps', { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cas' }, data: { a: '1' } }) });
    const obj = created.json<{ metadata: { resourceVersion: string } }>();
    const first = await raw(c, 'PUT', '/api/v1/namespaces/default/configmaps/cas', { body: JSON.stringify({ ...obj, data: { a: '2' } }) });
    expect(first.status).toBe(200);
    const stale = await raw(c, 'PUT', '/api/v1/namespaces/default/configmaps/cas', { body: JSON.stringify({ ...obj, data: { a: '3' } }) });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "cas": the object has been modified; please apply your changes to the latest version and try again',
    });
    const now = await raw(c, 'GET', '/api/v1/namespaces/default/configmaps/cas');
    expect(now.json<{ data: Record<string, string> }>().data).toEqual({ a: '2' });
  });

  it('the mirror-pod annotation cannot be added, changed or removed by an update', async () => {
    const r = await raw(c, 'POST', PODS, { body: pod('mirrorless') });
    expect(r.status).toBe(201);
    const p = await raw(c, 'PATCH', `${PODS}/mirrorless`, {
      body: JSON.stringify({ metadata: { annotations: { 'kubernetes.io/config.mirror': 'abc' } } }),
      contentType: 'application/merge-patch+json',
    });
    expect(p.status).toBe(422);
    expect(p.json<{ message: string }>().message).toContain('metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation');
  });

  it('a kubectl with a bad flag value fails before sending anything', async () => {
    const r = await c.kubectl(['get', 'pods', '--chunk-size=abc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid argument "abc"');
  });
});
