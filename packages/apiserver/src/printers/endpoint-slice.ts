/** EndpointSlice printer: NAME ADDRESSTYPE PORTS ENDPOINTS AGE (printers.go printEndpointSlice). */
import type { DiscoveryEndpoint, DiscoveryEndpointPort, EndpointSlice } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';

const MAX_SHOWN = 3;

/** listWithMoreString: at most three entries, then `+ N more...`; nothing at all is `<unset>`. */
function listWithMore(entries: string[]): string {
  const ret = entries.slice(0, MAX_SHOWN).join(',');
  if (entries.length > MAX_SHOWN) return `${ret} + ${entries.length - MAX_SHOWN} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** formatDiscoveryPorts: the port number, else its name, else `*` (all ports). */
export function formatDiscoveryPorts(ports: DiscoveryEndpointPort[] | undefined): string {
  return listWithMore((ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));
}

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not. */
export function formatDiscoveryEndpoints(endpoints: DiscoveryEndpoint[] | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((e) => e.addresses ?? []));
}

export const endpointSlicePrinter = definePrinter<EndpointSlice>({
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', SWAGGER_DOC['EndpointSlice.addressType']),
    column('Ports', 'string', SWAGGER_DOC['EndpointSlice.ports']),
    column('Endpoints', 'string', SWAGGER_DOC['EndpointSlice.endpoints']),
    AGE_COLUMN,
  ],
  row: (slice) => ({
    cells: [
      slice.metadata?.name ?? '',
      slice.addressType ?? '',
      formatDiscoveryPorts(slice.ports),
      formatDiscoveryEndpoints(slice.endpoints),
      since(slice.metadata?.creationTimestamp),
    ],
  }),
});
