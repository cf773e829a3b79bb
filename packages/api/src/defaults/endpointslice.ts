/** SetDefaults_EndpointPort (discovery/v1): a port's name defaults to "" and its protocol to TCP. */
import type { EndpointSlice } from '../types/index.js';

export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const port of slice.ports ?? []) {
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
}
