/** Content negotiation: Table output, aggregated discovery and protobuf media types. */

export interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  return accept.split(',').map((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const i = kv.indexOf('=');
      if (i > 0) p[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), params: p };
  });
}

/** Whether the client asked for a meta.k8s.io Table (kubectl get). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept || !accept.includes('as=Table')) return false;
  return parseAccept(accept).some(
    (m) =>
      m.params.as === 'Table' &&
      m.params.g === 'meta.k8s.io' &&
      (m.params.v === 'v1' || m.params.v === 'v1beta1') &&
      (m.type === 'application/json' || m.type === '*/*'),
  );
}

export function baseContentType(ct: string | undefined): string {
  return (ct ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
