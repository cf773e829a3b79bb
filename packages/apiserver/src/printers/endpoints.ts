/** Endpoints printer: NAME ENDPOINTS AGE (`10.0.0.1:80,10.0.0.2:80 + 3 more...`). */
import type { Endpoints } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { NONE, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

const MAX_SHOWN = 3;

/** Go's net.JoinHostPort: IPv6 literals are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Upstream formatEndpoints with all ports: at most three addresses, then `+ N more...`. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return NONE;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (entry: string): void => {
    if (list.length === MAX_SHOWN) more = true;
    else list.push(entry);
  };
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const addr of addresses) add(addr.ip);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const addr of addresses) add(joinHostPort(addr.ip, port.port));
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_SHOWN} more...` : ret;
}

export const endpointsPrinter = definePrinter<Endpoints>({
  columns: [NAME_COLUMN, column('Endpoints', 'string', SWAGGER_DOC['Endpoints.subsets']), AGE_COLUMN],
  row: (ep) => ({
    cells: [ep.metadata?.name ?? '', formatEndpoints(ep), since(ep.metadata?.creationTimestamp)],
  }),
});
