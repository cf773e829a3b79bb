/** The requests the benchmark sends to the API server, pre-rendered for the load generator. */
import { renderRequest, type LoadConnection, type Target } from './load-connection.js';
import { benchPod } from './apiserver-pod.js';

/** What kubectl get sends to ask for a server-side Table. */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export const podsPath = (ns: string): string => `/api/v1/namespaces/${ns}/pods`;

export const podName = (i: number): string => `web-7d4b9c8f6d-${String(i).padStart(5, '0')}`;

export function createPodRequest(t: Target, ns: string, name: string): Buffer {
  return renderRequest(t, {
    method: 'POST',
    path: podsPath(ns),
    body: JSON.stringify(benchPod(name, ns)),
  });
}

export function getPodRequest(t: Target, ns: string, name: string): Buffer {
  return renderRequest(t, { method: 'GET', path: `${podsPath(ns)}/${name}` });
}

/** Sends one request and fails unless the status is the expected one; returns the body. */
export async function expectStatus(
  conn: LoadConnection,
  req: Buffer,
  status: number,
): Promise<Buffer> {
  const res = await conn.send(req, true);
  const body = res.body ?? Buffer.alloc(0);
  if (res.status !== status)
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${body.toString().slice(0, 300)}`);
  return body;
}

export async function createNamespace(
  conn: LoadConnection,
  t: Target,
  name: string,
): Promise<void> {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  await expectStatus(
    conn,
    renderRequest(t, { method: 'POST', path: '/api/v1/namespaces', body }),
    201,
  );
}
