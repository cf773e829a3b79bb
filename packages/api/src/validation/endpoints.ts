/** Endpoints validation (pkg/apis/core/validation ValidateEndpoints*). */
import type { EndpointAddress, EndpointPort, Endpoints } from 'kubernetes-types/core/v1.js';
import { FieldPath, invalidValue, notSupported, required, type FieldError } from './field-errors.js';
import { validateDNS1123Label, validateQualifiedName } from './common.js';
import { ipFamily, validateIP } from './ip.js';
import type { KindValidation } from './kind-validation.js';
import { isValidPortNum, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses. */
export function validateNonSpecialIP(ip: string, p: FieldPath): FieldError[] {
  const family = ipFamily(ip);
  if (family === 0) return [invalidValue(p, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const v4 = family === 4 ? ip.split('.').map(Number) : [];
  const lower = ip.toLowerCase();
  if ((family === 4 && v4.every((o) => o === 0)) || (family === 6 && /^[0:]+$/.test(lower))) {
    errs.push(invalidValue(p, ip, `may not be unspecified (${ip})`));
  }
  if ((family === 4 && v4[0] === 127) || (family === 6 && /^(0*:)+0*1$/.test(lower))) {
    errs.push(invalidValue(p, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  }
  if ((family === 4 && v4[0] === 169 && v4[1] === 254) || (family === 6 && /^fe[89ab]/.test(lower))) {
    errs.push(invalidValue(p, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if ((family === 4 && v4[0] === 224 && v4[1] === 0 && v4[2] === 0) || (family === 6 && lower.startsWith('ff02:'))) {
    errs.push(invalidValue(p, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

function validateAddress(a: EndpointAddress, p: FieldPath): FieldError[] {
  const errs = validateIP(a.ip, p.child('ip'));
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, p.child('hostname')));
  if (a.nodeName !== undefined) {
    for (const m of nameIsDNSSubdomain(a.nodeName, false)) errs.push(invalidValue(p.child('nodeName'), a.nodeName, m));
  }
  return [...errs, ...validateNonSpecialIP(a.ip, p.child('ip'))];
}

function validatePort(port: EndpointPort, requireName: boolean, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(required(p.child('name')));
  else if (port.name) errs.push(...validateDNS1123Label(port.name, p.child('name')));
  for (const m of isValidPortNum(port.port)) errs.push(invalidValue(p.child('port'), port.port, m));
  const protocol = port.protocol ?? '';
  if (!protocol) errs.push(required(p.child('protocol')));
  else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(notSupported(p.child('protocol'), protocol, ['SCTP', 'TCP', 'UDP']));
  if (port.appProtocol !== undefined) errs.push(...validateQualifiedName(port.appProtocol, p.child('appProtocol')));
  return errs;
}

function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  const sp = FieldPath.root('subsets');
  (ep.subsets ?? []).forEach((ss, i) => {
    const ip = sp.index(i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
      errs.push(required(ip, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, ip.child('addresses').index(j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, ip.child('notReadyAddresses').index(j))));
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, ip.child('ports').index(j))));
  });
  return errs;
}

export const endpointsValidation: KindValidation<Endpoints> = {
  create: validateEndpoints,
  update: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateEndpoints(n)],
};
