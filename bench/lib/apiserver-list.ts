/**
 * LIST latency of a namespace full of pods: the whole list as JSON, the whole list as the
 * Table kubectl asks for, and the Table the way kubectl get actually reads it (pages of 500
 * following the continue token). Each run is timed from sending the request to the last byte.
 */
import { renderRequest, type LoadConnection, type Target } from './load-connection.js';
import { summarize, type LatencySummary } from './load-stats.js';
import { expectStatus, podsPath, TABLE_ACCEPT } from './apiserver-requests.js';

export interface ListResult {
  json: LatencySummary;
  table: LatencySummary;
  pagedTable: LatencySummary;
  /** Response sizes of one full list, in bytes. */
  jsonBytes: number;
  tableBytes: number;
}

export interface ListOptions {
  target: Target;
  conn: LoadConnection;
  namespace: string;
  expectedItems: number;
  runs: number;
  warmupRuns: number;
}

async function timeRuns(o: ListOptions, once: () => Promise<void>): Promise<LatencySummary> {
  for (let i = 0; i < o.warmupRuns; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

async function timeFullList(
  o: ListOptions,
  accept: string | undefined,
  countOf: (body: unknown) => number,
): Promise<{ latency: LatencySummary; bytes: number }> {
  const req = renderRequest(o.target, { method: 'GET', path: podsPath(o.namespace), accept });
  const body = await expectStatus(o.conn, req, 200);
  const count = countOf(JSON.parse(body.toString()));
  if (count !== o.expectedItems)
    throw new Error(`LIST returned ${count} items, expected ${o.expectedItems}`);
  const latency = await timeRuns(o, async () => {
    const res = await o.conn.send(req);
    if (res.status !== 200) throw new Error(`LIST failed with HTTP ${res.status}`);
  });
  return { latency, bytes: body.length };
}

/** Reads the continue token from the head of a Table (metadata comes first in the body). */
function continueToken(body: Buffer): string {
  const m = /"continue":"([^"]*)"/.exec(body.toString('latin1', 0, 2048));
  return m ? (m[1] as string) : '';
}

async function pagedTable(o: ListOptions, pageSize: number): Promise<number> {
  let cont = '';
  let pages = 0;
  do {
    const q = `?limit=${pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`;
    const req = renderRequest(o.target, {
      method: 'GET',
      path: podsPath(o.namespace) + q,
      accept: TABLE_ACCEPT,
    });
    const res = await o.conn.send(req, true);
    if (res.status !== 200 || !res.body)
      throw new Error(`paged LIST failed with HTTP ${res.status}`);
    cont = continueToken(res.body);
    pages++;
  } while (cont);
  return pages;
}

export async function measureLists(o: ListOptions): Promise<ListResult> {
  const json = await timeFullList(o, undefined, (b) => (b as { items: unknown[] }).items.length);
  const table = await timeFullList(o, TABLE_ACCEPT, (b) => (b as { rows: unknown[] }).rows.length);
  const pages = await pagedTable(o, 500);
  const expectedPages = Math.ceil(o.expectedItems / 500);
  if (pages !== expectedPages)
    throw new Error(`paged LIST took ${pages} pages, expected ${expectedPages}`);
  const paged = await timeRuns(o, async () => void (await pagedTable(o, 500)));
  return {
    json: json.latency,
    table: table.latency,
    pagedTable: paged,
    jsonBytes: json.bytes,
    tableBytes: table.bytes,
  };
}
