/** SetDefaults_Endpoints (core/v1): ports default to TCP. */
import type { Endpoints } from 'kubernetes-types/core/v1.js';

export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const port of ss.ports ?? []) if (!port.protocol) port.protocol = 'TCP';
}
