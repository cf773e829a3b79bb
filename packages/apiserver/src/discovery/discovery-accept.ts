/**
 * Content negotiation for `/api` and `/apis`. kubectl 1.30+ sends
 * `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`,
 * 1.27-1.29 offer v2beta1 only; anything else (plain JSON, `*\/*`, no header) gets legacy
 * discovery (APIVersions / APIGroupList).
 */
import type { AggregatedDiscoveryVersion } from './aggregated-discovery.js';

export type DiscoveryResponse =
  { kind: 'aggregated'; version: AggregatedDiscoveryVersion } | { kind: 'legacy' };

interface MediaRange {
  type: string;
  params: Map<string, string>;
  q: number;
  index: number;
}

/** Picks the client's most preferred representation that the server can produce. */
export function chooseDiscoveryResponse(accept: string | undefined): DiscoveryResponse {
  const ranges = parseAccept(accept ?? '')
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const choice = match(range);
    if (choice) return choice;
  }
  return { kind: 'legacy' };
}

function match(range: MediaRange): DiscoveryResponse | undefined {
  const { type, params } = range;
  if (type !== 'application/json') {
    return type === '*/*' || type === 'application/*' ? { kind: 'legacy' } : undefined;
  }
  const as = params.get('as');
  if (as === undefined && params.get('g') === undefined) return { kind: 'legacy' };
  const v = params.get('v');
  if (
    as === 'APIGroupDiscoveryList' &&
    params.get('g') === 'apidiscovery.k8s.io' &&
    (v === 'v2' || v === 'v2beta1')
  ) {
    return { kind: 'aggregated', version: v };
  }
  return undefined;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part, index) => {
      const [type = '', ...rawParams] = part.split(';').map((s) => s.trim());
      const params = new Map<string, string>();
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0)
          params.set(
            p.slice(0, eq).trim().toLowerCase(),
            p
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1'),
          );
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      params.delete('q');
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.type !== '');
}
