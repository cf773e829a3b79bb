/**
 * Node validation (pkg/apis/core/validation ValidateNode / ValidateNodeUpdate); status updates
 * use the update rules, as the node status strategy does.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1.js';
import { Quantity } from '../quantity.js';
import { duplicate, FieldPath, forbiddenField, invalidValue, type FieldError } from './field-errors.js';
import { deepEqual, validateLabelName } from './common.js';
import { goQuote, GoValueFieldError } from './go-value.js';
import { ipFamily, validateCIDR } from './ip.js';
import type { KindValidation } from './kind-validation.js';
import { isValidLabelValue, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validateResourceQuantityValue } from './resource-requirements.js';
import { validateTaintEffect } from './scheduling.js';

function validateTaints(taints: Taint[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  (taints ?? []).forEach((t, i) => {
    const ip = p.index(i);
    const value = t.value ?? '';
    errs.push(...validateLabelName(t.key, ip.child('key')));
    const msgs = isValidLabelValue(value);
    if (msgs.length) errs.push(invalidValue(ip.child('value'), value, msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, ip.child('effect')));
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      const rendered = `core.Taint{Key:${goQuote(t.key)}, Value:${goQuote(value)}, Effect:${goQuote(t.effect)}, TimeAdded:<nil>}`;
      errs.push(new GoValueFieldError('FieldValueDuplicate', ip.toString(), rendered, 'taints must be unique by key and effect pair'));
      return;
    }
    keys.add(t.key);
    seen.set(t.effect, keys);
  });
  return errs;
}

function validateResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['capacity', 'allocatable'] as const) {
    for (const [k, raw] of Object.entries(node.status?.[field] ?? {})) {
      const p = FieldPath.root('status').child(field).child(k);
      try {
        errs.push(...validateResourceQuantityValue(k, Quantity.parse(String(raw)), p));
      } catch (e) {
        errs.push(invalidValue(p, raw, (e as Error).message));
      }
    }
  }
  return errs;
}

function validatePodCIDRs(node: Node): FieldError[] {
  const cidrs = node.spec?.podCIDRs ?? [];
  const p = FieldPath.root('spec').child('podCIDRs');
  const errs = cidrs.flatMap((c, i) => validateCIDR(c, p.index(i)));
  if (cidrs.length > 1) {
    const fam = cidrs.map((c) => ipFamily(c.split('/')[0] ?? ''));
    if (cidrs.length > 2 || fam[0] === fam[1]) errs.push(invalidValue(p, cidrs, 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(p.index(i), c));
      seen.add(c);
    });
  }
  return errs;
}

function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, { namespaced: false, nameValidator: nameIsDNSSubdomain });
  // Upstream reports spec.taints under "metadata.taints".
  errs.push(...validateTaints(node.spec?.taints, FieldPath.root('metadata').child('taints')));
  errs.push(...validateResources(node));
  errs.push(...validatePodCIDRs(node));
  return errs;
}

function validateNodeUpdate(n: Node, o: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  errs.push(...validateResources(n));
  const addrs = n.status?.addresses ?? [];
  addrs.forEach((a, i) => {
    if (addrs.slice(0, i).some((b) => deepEqual(a, b))) {
      const rendered = `core.NodeAddress{Type:${goQuote(a.type)}, Address:${goQuote(a.address)}}`;
      errs.push(new GoValueFieldError('FieldValueDuplicate', `status.addresses[${i}]`, rendered, ''));
    }
  });
  const oldCIDRs = o.spec?.podCIDRs ?? [];
  const newCIDRs = n.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0 && (oldCIDRs.length !== newCIDRs.length || oldCIDRs.some((c, i) => c !== newCIDRs[i]))) {
    errs.push(forbiddenField('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (o.spec?.providerID && o.spec.providerID !== n.spec?.providerID) {
    errs.push(forbiddenField('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateTaints(n.spec?.taints, FieldPath.root('metadata').child('taints')));
  if ((n.spec?.externalID ?? '') !== (o.spec?.externalID ?? '')) errs.push(forbiddenField('spec.externalID', 'may not be updated'));
  return errs;
}

export const nodeValidation: KindValidation<Node> = {
  create: validateNode,
  update: validateNodeUpdate,
  status: validateNodeUpdate,
};
