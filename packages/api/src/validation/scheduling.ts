/**
 * Scheduling constraints in a pod spec: tolerations, node/pod affinity, topology spread
 * (pkg/apis/core/validation ValidateTolerations, validateAffinity, validateTopologySpreadConstraints).
 */
import type {
  Affinity,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodAffinityTerm,
  Toleration,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from 'kubernetes-types/core/v1.js';
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError, type FieldPath } from './field-errors.js';
import { validateLabelName, validateLabelSelector } from './common.js';
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, allowEmpty: boolean, p: FieldPath): FieldError[] {
  if (!allowEmpty && !effect) return [required(p)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(p, effect, TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: Toleration[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const ip = p.index(i);
    const key = t.key ?? '';
    const op = t.operator ?? '';
    const value = t.value ?? '';
    const effect = t.effect ?? '';
    if (key) errs.push(...validateLabelName(key, ip.child('key')));
    if (!key && op !== 'Exists') {
      errs.push(
        invalidValue(ip.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'),
      );
    }
    if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errs.push(invalidValue(ip.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalidValue(ip.child('operator'), value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(invalidValue(ip.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(ip.child('operator'), op, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, ip.child('effect')));
  });
  return errs;
}

function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, allowInvalidValue: boolean, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(forbiddenField(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(required(p.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      }
      break;
    default:
      errs.push(invalidValue(p.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key, p.child('key')));
  if (!allowInvalidValue) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalidValue(p.child('values').index(i), v, m));
    });
  }
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValue: boolean, tp: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((rq, j) => {
    errs.push(...validateNodeSelectorRequirement(rq, allowInvalidValue, tp.child('matchExpressions').index(j)));
  });
  (term.matchFields ?? []).forEach((rq, j) => {
    const fp = tp.child('matchFields').index(j);
    const values = rq.values ?? [];
    if (rq.operator === 'In' || rq.operator === 'NotIn') {
      if (values.length !== 1) {
        errs.push(required(fp.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
      }
    } else {
      errs.push(invalidValue(fp.child('operator'), rq.operator, 'not a valid selector operator'));
    }
    if (rq.key !== 'metadata.name') errs.push(invalidValue(fp.child('key'), rq.key, 'not a valid field selector key'));
    else
      values.forEach((v, k) => {
        for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalidValue(fp.child('values').index(k), v, m));
      });
  });
  return errs;
}

function validateNodeSelectorTerms(terms: NodeSelectorTerm[], allowInvalidValue: boolean, p: FieldPath): FieldError[] {
  return terms.flatMap((term, i) => validateNodeSelectorTerm(term, allowInvalidValue, p.index(i)));
}

function validatePodAffinityTerm(term: PodAffinityTerm, p: FieldPath): FieldError[] {
  const errs = [
    ...validateLabelSelector(term.labelSelector, p.child('labelSelector')),
    ...validateLabelSelector(term.namespaceSelector, p.child('namespaceSelector')),
  ];
  for (const ns of term.namespaces ?? []) {
    for (const m of nameIsDNSLabel(ns, false)) errs.push(invalidValue(p.child('namespace'), ns, m));
  }
  if (!term.topologyKey) errs.push(required(p.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(term.topologyKey ?? '', p.child('topologyKey')));
  return errs;
}

function validateWeightedTerms(terms: WeightedPodAffinityTerm[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (terms ?? []).forEach((t, i) => {
    if (t.weight <= 0 || t.weight > 100) errs.push(invalidValue(p.index(i).child('weight'), t.weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(t.podAffinityTerm, p.index(i).child('podAffinityTerm')));
  });
  return errs;
}

export function validateAffinity(affinity: Affinity | undefined, p: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const np = p.child('nodeAffinity');
    const requiredSel = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (requiredSel) {
      const rp = np.child('requiredDuringSchedulingIgnoredDuringExecution').child('nodeSelectorTerms');
      if (requiredSel.nodeSelectorTerms.length === 0) errs.push(required(rp, 'must have at least one node selector term'));
      else errs.push(...validateNodeSelectorTerms(requiredSel.nodeSelectorTerms, false, rp));
    }
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const tp = np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      if (t.weight <= 0 || t.weight > 100) errs.push(invalidValue(tp.child('weight'), t.weight, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(t.preference, true, tp.child('preference')));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = affinity[kind];
    if (!pa) continue;
    const pp = p.child(kind);
    (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      errs.push(...validatePodAffinityTerm(t, pp.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
    });
    errs.push(...validateWeightedTerms(pa.preferredDuringSchedulingIgnoredDuringExecution, pp.child('preferredDuringSchedulingIgnoredDuringExecution')));
  }
  return errs;
}

export function validateTopologySpreadConstraints(
  constraints: TopologySpreadConstraint[] | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const cp = p.index(i);
    if (c.maxSkew <= 0) errs.push(invalidValue(cp.child('maxSkew'), c.maxSkew, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(cp.child('topologyKey'), 'can not be empty'));
    if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway') {
      errs.push(notSupported(cp.child('whenUnsatisfiable'), c.whenUnsatisfiable, ['DoNotSchedule', 'ScheduleAnyway']));
    }
    const dup = list.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable);
    if (dup) errs.push(duplicate(cp.child('{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
    errs.push(...validateLabelSelector(c.labelSelector, cp.child('labelSelector')));
  });
  return errs;
}
