/** Service printer: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (wide: SELECTOR). */
import type { Service, ServicePort } from '@kubelab/api';
import { AGE_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { NONE, UNKNOWN, formatLabels, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

/** Load-balancer ingress IPs (else hostnames), de-duplicated and sorted; never clipped when wide. */
function loadBalancerIngress(svc: Service): string {
  const found = new Set<string>();
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) found.add(ingress.ip);
    else if (ingress.hostname) found.add(ingress.hostname);
  }
  return [...found].sort().join(',');
}

function externalIP(svc: Service, type: string): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return UNKNOWN;
  }
}

/** `80/TCP`, `80:30080/TCP` (with a node port), comma-separated. */
export function makePortString(ports: readonly ServicePort[]): string {
  return ports
    .map((p) => {
      // Decoding defaults an empty protocol to TCP (SetDefaults_Service).
      const protocol = p.protocol || 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

function printService(svc: Service): PrintedRow {
  // Decoding defaults an empty type to ClusterIP (SetDefaults_Service).
  const type = svc.spec?.type || 'ClusterIP';
  // Stored services carry clusterIPs; fall back to clusterIP for objects written without it.
  const clusterIP = svc.spec?.clusterIPs?.[0] ?? (svc.spec?.clusterIP || NONE);
  return {
    cells: [
      svc.metadata?.name ?? '',
      type,
      clusterIP,
      externalIP(svc, type),
      makePortString(svc.spec?.ports ?? []) || NONE,
      since(svc.metadata?.creationTimestamp),
      formatLabels(svc.spec?.selector),
    ],
  };
}

export const servicePrinter = definePrinter<Service>({
  columns: [
    NAME_COLUMN,
    column('Type', 'string', SWAGGER_DOC['ServiceSpec.type']),
    column('Cluster-IP', 'string', SWAGGER_DOC['ServiceSpec.clusterIP']),
    column('External-IP', 'string', SWAGGER_DOC['ServiceSpec.externalIPs']),
    column('Port(s)', 'string', SWAGGER_DOC['ServiceSpec.ports']),
    AGE_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['ServiceSpec.selector']),
  ],
  row: printService,
});
