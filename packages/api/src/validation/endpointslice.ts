/** EndpointSlice validation (pkg/apis/discovery/validation ValidateEndpointSlice*). */
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import { validateDNS1123Label, validateDNS1123Subdomain, validateImmutable, validateLabels, validateQualifiedName } from './common.js';
import { validateNonSpecialIP } from './endpoints.js';
import { FieldPath, duplicate, invalidValue, notSupported, required, tooMany, type FieldError } from './field-errors.js';
import { ipFamily } from './ip.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_TOPOLOGY_LABELS = 16;

function validateAddressType(addressType: string | undefined): FieldError[] {
  const p = FieldPath.root('addressType');
  if (!addressType) return [required(p)];
  return ADDRESS_TYPES.includes(addressType) ? [] : [notSupported(p, addressType, ADDRESS_TYPES)];
}

function validateAddress(address: string, addressType: string, p: FieldPath): FieldError[] {
  // Unknown address types fall through unvalidated, as upstream.
  if (addressType === 'IPv4' || addressType === 'IPv6') {
    const want = addressType === 'IPv4' ? 4 : 6;
    if (ipFamily(address) !== want) {
      return [invalidValue(p, address, `must be a valid ${addressType} address`)];
    }
    return validateNonSpecialIP(address, p);
  }
  if (addressType === 'FQDN') return validateDNS1123Subdomain(address, p);
  return [];
}

function validateEndpoint(ep: Endpoint, addressType: string, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const ap = p.child('addresses');
  const addresses = ep.addresses ?? [];
  if (addresses.length === 0) errs.push(required(ap, 'must contain at least 1 address'));
  else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(ap, addresses.length, MAX_ADDRESSES));
  addresses.forEach((a, i) => errs.push(...validateAddress(a, addressType, ap.index(i))));
  if (ep.nodeName !== undefined) {
    for (const e of validateDNS1123Subdomain(ep.nodeName, p.child('nodeName'))) errs.push(e);
  }
  const topology = ep.deprecatedTopology;
  if (topology && Object.keys(topology).length > MAX_TOPOLOGY_LABELS) {
    errs.push(tooMany(p.child('deprecatedTopology'), Object.keys(topology).length, MAX_TOPOLOGY_LABELS));
  }
  errs.push(...validateLabels(topology, p.child('deprecatedTopology')));
  if (ep.hostname !== undefined) errs.push(...validateDNS1123Label(ep.hostname, p.child('hostname')));
  return errs;
}

function validatePorts(ports: EndpointPort[], p: FieldPath): FieldError[] {
  if (ports.length > MAX_PORTS) return [tooMany(p, ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const ip = p.index(i);
    const name = port.name ?? '';
    if (name) errs.push(...validateDNS1123Label(name, ip.child('name')));
    if (names.has(name)) errs.push(duplicate(ip.child('name'), name));
    names.add(name);
    if (!port.protocol) errs.push(required(ip.child('protocol')));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(ip.child('protocol'), port.protocol, PROTOCOLS));
    if (port.appProtocol !== undefined) errs.push(...validateQualifiedName(port.appProtocol, ip.child('appProtocol')));
  });
  return errs;
}

function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
  errs.push(...validateAddressType(slice.addressType));
  const endpoints = slice.endpoints ?? [];
  const ep = FieldPath.root('endpoints');
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany(ep, endpoints.length, MAX_ENDPOINTS));
  else endpoints.forEach((e, i) => errs.push(...validateEndpoint(e, slice.addressType, ep.index(i))));
  errs.push(...validatePorts(slice.ports ?? [], FieldPath.root('ports')));
  return errs;
}

export const endpointSliceValidation: KindValidation<EndpointSlice> = {
  create: validateEndpointSlice,
  update: (n, o) => [
    ...validateObjectMetaUpdate(n.metadata, o.metadata),
    ...validateEndpointSlice(n),
    ...validateImmutable(n.addressType, o.addressType, FieldPath.root('addressType')),
  ],
};
