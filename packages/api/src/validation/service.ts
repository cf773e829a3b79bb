/**
 * Service validation (pkg/apis/core/validation ValidateService, ValidateServiceUpdate,
 * ValidateServiceStatusUpdate): ports, type, session affinity, traffic policies, cluster IPs.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1.js';
import {
  duplicate,
  FieldPath,
  forbiddenField,
  invalidValue,
  notSupported,
  required,
  type FieldError,
} from './field-errors.js';
import { validateDNS1123Label, validateDNS1123Subdomain, validateLabels, validateQualifiedName } from './common.js';
import { validateNonSpecialIP } from './endpoints.js';
import { goQuote, GoValueFieldError } from './go-value.js';
import { ipFamily, validateIP } from './ip.js';
import type { KindValidation } from './kind-validation.js';
import { isValidPortNum, nameIsDNS1035Label } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePortNumOrName } from './probes.js';
import { validateClusterIPs, validateClusterIPsUpdate } from './service-cluster-ips.js';

const spec = FieldPath.root('spec');
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

const isHeadless = (svc: Service): boolean =>
  (svc.spec?.clusterIPs ?? []).length === 1 && svc.spec?.clusterIPs?.[0] === 'None';

function validatePort(sp: ServicePort, requireName: boolean, names: Set<string>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(p.child('name')));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, p.child('name')));
    if (names.has(sp.name)) errs.push(duplicate(p.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port)) errs.push(invalidValue(p.child('port'), sp.port, m));
  const protocol = sp.protocol ?? '';
  if (!protocol) errs.push(required(p.child('protocol')));
  else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(p.child('protocol'), protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, p.child('targetPort')));
  if (sp.appProtocol !== undefined) errs.push(...validateQualifiedName(sp.appProtocol, p.child('appProtocol')));
  return errs;
}

/** core.ServicePort as %#v prints the (protocol, port) key used for duplicate detection. */
function goServicePortKey(protocol: string, port: number): string {
  return (
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'
  );
}

function validateTypeSpecific(svc: Service): FieldError[] {
  const s = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ipsPath = spec.child('clusterIPs').index(0);
  if ((s.type === 'LoadBalancer' || s.type === 'NodePort') && isHeadless(svc)) {
    errs.push(invalidValue(ipsPath, 'None', `may not be set to 'None' for ${s.type} services`));
  }
  if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length > 0) errs.push(forbiddenField(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length > 0) errs.push(forbiddenField(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined) errs.push(forbiddenField(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...validateDNS1123Subdomain(cname, spec.child('externalName')));
    else errs.push(required(spec.child('externalName')));
  }
  return errs;
}

function validateTrafficPolicies(svc: Service): FieldError[] {
  const s = svc.spec ?? {};
  const errs: FieldError[] = [];
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || (s.externalIPs ?? []).length > 0;
  const etp = s.externalTrafficPolicy ?? '';
  if (!external) {
    if (etp) errs.push(invalidValue(spec.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required(spec.child('externalTrafficPolicy')));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported(spec.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  const needsHealthCheck = s.type === 'LoadBalancer' && etp === 'Local';
  const hc = s.healthCheckNodePort ?? 0;
  if (!needsHealthCheck && hc !== 0) {
    errs.push(invalidValue(spec.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = s.internalTrafficPolicy;
  if (itp === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) {
    errs.push(required(spec.child('internalTrafficPolicy')));
  }
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported(spec.child('internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  }
  return errs;
}

export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, nameValidator: nameIsDNS1035Label });
  const s = svc.spec ?? {};
  const ports = s.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && s.type !== 'ExternalName') errs.push(required(spec.child('ports')));
  errs.push(...validateTypeSpecific(svc));
  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validatePort(port, ports.length > 1, names, spec.child('ports').index(i))));
  if (s.selector) errs.push(...validateLabels(s.selector, spec.child('selector')));
  const affinity = s.sessionAffinity ?? '';
  if (!affinity) errs.push(required(spec.child('sessionAffinity')));
  else if (affinity !== 'ClientIP' && affinity !== 'None') errs.push(notSupported(spec.child('sessionAffinity'), affinity, ['ClientIP', 'None']));
  if (affinity === 'None' && s.sessionAffinityConfig) {
    errs.push(forbiddenField(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPs(svc));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const p = spec.child('externalIPs').index(i);
    const ipErrs = validateIP(ip, p);
    errs.push(...(ipErrs.length ? ipErrs : validateNonSpecialIP(ip, p)));
  });
  const type = s.type ?? '';
  if (!type) errs.push(required(spec.child('type')));
  else if (!TYPES.includes(type)) errs.push(notSupported(spec.child('type'), type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (port.nodePort) errs.push(forbiddenField(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((port, i) => {
    const pp = spec.child('ports').index(i);
    if (port.nodePort) {
      const k = `${port.protocol ?? ''}/${port.nodePort}`;
      if (nodePorts.has(k)) errs.push(duplicate(pp.child('nodePort'), port.nodePort));
      nodePorts.add(k);
    }
    const key = `${port.protocol ?? ''}/${port.port}`;
    if (keys.has(key)) {
      errs.push(new GoValueFieldError('FieldValueDuplicate', pp.toString(), goServicePortKey(port.protocol ?? '', port.port), ''));
    }
    keys.add(key);
  });
  if (s.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbiddenField(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts'));
  errs.push(...validateTrafficPolicies(svc));
  return errs;
}

function validateStatus(svc: Service): FieldError[] {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  const p = FieldPath.root('status').child('loadBalancer').child('ingress');
  if (svc.spec?.type !== 'LoadBalancer' && ingress.length > 0) {
    return [forbiddenField(p, "may only be used when `spec.type` is 'LoadBalancer'")];
  }
  const errs: FieldError[] = [];
  ingress.forEach((ing, i) => {
    if (ing.ip) errs.push(...validateIP(ing.ip, p.index(i).child('ip')));
    if (ing.hostname) {
      errs.push(...validateDNS1123Subdomain(ing.hostname, p.index(i).child('hostname')));
      if (ipFamily(ing.hostname)) errs.push(invalidValue(p.index(i).child('hostname'), ing.hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

export const serviceValidation: KindValidation<Service> = {
  create: validateService,
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateClusterIPsUpdate(o, n),
    ...validateService(n),
  ],
  status: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateStatus(n)],
};
