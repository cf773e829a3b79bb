/**
 * PodSpec and PodTemplateSpec validation (pkg/apis/core/validation ValidatePodSpec,
 * ValidatePodTemplateSpec). `resourceIsPod` is true for real pods, false for templates.
 */
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import {
  duplicate,
  forbiddenField,
  invalidValue,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from './field-errors.js';
import { validateDNS1123Label, validateDNS1123Subdomain, validateLabels, validateQualifiedName } from './common.js';
import { validateContainers, validateInitContainers } from './container.js';
import { inclusiveRangeError, isValidGroupID, isValidUserID, nameIsDNSSubdomain } from './names.js';
import { validateAnnotations } from './object-meta.js';
import { validatePodSpecificAnnotations } from './pod-annotations.js';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling.js';
import { validateIP } from './ip.js';
import { validateVolumes } from './volumes.js';

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function choice(value: string | undefined, supported: string[], p: FieldPath): FieldError[] {
  const v = value ?? '';
  if (!v) return [required(p)];
  return supported.includes(v) ? [] : [notSupported(p, v, supported)];
}

function validateDNSConfig(spec: PodSpec, p: FieldPath): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(p, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if ((cfg.nameservers ?? []).length === 0) {
      return [required(p.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalidValue(p.child('nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((ip, i) => errs.push(...validateIP(ip, p.child('nameservers').index(i))));
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalidValue(p.child('searches'), searches, 'must not have more than 32 search paths'));
  searches.forEach((s, i) => {
    if (s !== '.') errs.push(...validateDNS1123Subdomain(s.replace(/\.$/, ''), p.child('searches').index(i)));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(p.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validatePodSecurityContext(spec: PodSpec, p: FieldPath): FieldError[] {
  const sc = spec.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  const id = (v: number | undefined, f: string, check: (n: number) => string[]): void => {
    if (v !== undefined) for (const m of check(v)) errs.push(invalidValue(p.child(f), v, m));
  };
  id(sc.fsGroup, 'fsGroup', isValidGroupID);
  id(sc.runAsUser, 'runAsUser', isValidUserID);
  id(sc.runAsGroup, 'runAsGroup', isValidGroupID);
  (sc.supplementalGroups ?? []).forEach((g, i) => {
    for (const m of isValidGroupID(g)) errs.push(invalidValue(p.child('supplementalGroups').index(i), g, m));
  });
  if (sc.fsGroupChangePolicy !== undefined && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(p.child('fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  return errs;
}

function validateHostNetworkPorts(spec: PodSpec, p: FieldPath, resourceIsPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((resourceIsPod || hp !== 0) && hp !== port.containerPort) {
        const pp = p.child('containers').index(i).child('ports').index(j).child('hostPort');
        errs.push(invalidValue(pp, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec | undefined, p: FieldPath, resourceIsPod: boolean): FieldError[] {
  const s: PodSpec = spec ?? { containers: [] };
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined) errs.push(required(p.child('terminationGracePeriodSeconds')));
  const grace = s.terminationGracePeriodSeconds;
  const vols = validateVolumes(s.volumes, p.child('volumes'));
  errs.push(...vols.errs);
  errs.push(...validateContainers(s.containers, vols.volumes, grace, p.child('containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.volumes, grace, p.child('initContainers')));
  errs.push(...validateHostNetworkPorts(s, p, resourceIsPod));
  errs.push(...choice(s.restartPolicy, ['Always', 'OnFailure', 'Never'], p.child('restartPolicy')));
  errs.push(...choice(s.dnsPolicy, DNS_POLICIES, p.child('dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector, p.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(s, p.child('securityContext')));
  (s.imagePullSecrets ?? []).forEach((ref, i) => {
    if (Object.keys(ref).some((k) => k !== 'name')) errs.push(invalidValue(p.child('imagePullSecrets').index(i), ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, p.child('affinity')));
  errs.push(...validateDNSConfig(s, p.child('dnsConfig')));
  (s.readinessGates ?? []).forEach((g, i) => {
    errs.push(...validateQualifiedName(g.conditionType, p.child('readinessGates').index(i).child('conditionType')));
  });
  const gates = new Set<string>();
  (s.schedulingGates ?? []).forEach((g, i) => {
    errs.push(...validateQualifiedName(g.name, p.child('schedulingGates').index(i)));
    if (gates.has(g.name)) errs.push(duplicate(p.child('schedulingGates').index(i), g.name));
    gates.add(g.name);
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, p.child('topologySpreadConstraints')));
  const named = (v: string | undefined, f: string): void => {
    if (v) for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalidValue(p.child(f), v, m));
  };
  named(s.serviceAccountName, 'serviceAccountName');
  named(s.nodeName, 'nodeName');
  const ads = s.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalidValue(p.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) errs.push(...validateDNS1123Label(s.hostname, p.child('hostname')));
  if (s.subdomain) errs.push(...validateDNS1123Label(s.subdomain, p.child('subdomain')));
  errs.push(...validateTolerations(s.tolerations, p.child('tolerations')));
  (s.hostAliases ?? []).forEach((a, i) => {
    const ap = p.child('hostAliases').index(i);
    errs.push(...validateIP(a.ip ?? '', ap.child('ip')));
    (a.hostnames ?? []).forEach((h, j) => errs.push(...validateDNS1123Subdomain(h, ap.child('hostnames').index(j))));
  });
  named(s.priorityClassName, 'priorityClassName');
  if (s.preemptionPolicy !== undefined) {
    errs.push(...choice(s.preemptionPolicy, ['PreemptLowerPriority', 'Never'], p.child('preemptionPolicy')));
  }
  if (s.os !== undefined) {
    if (!s.os.name) errs.push(required(p.child('os').child('name'), 'cannot be empty'));
    else if (s.os.name !== 'linux' && s.os.name !== 'windows') errs.push(notSupported(p.child('os'), s.os.name, ['linux', 'windows']));
  }
  return errs;
}

/** ValidatePodTemplateSpec: labels, annotations and the spec of a template (not a real pod). */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, p: FieldPath): FieldError[] {
  const t = template ?? {};
  const errs = [
    ...validateLabels(t.metadata?.labels, p.child('labels')),
    ...validateAnnotations(t.metadata?.annotations, p.child('annotations')),
    ...validatePodSpecificAnnotations(t.metadata?.annotations, t.spec, p.child('annotations')),
    ...validatePodSpec(t.spec, p.child('spec'), false),
  ];
  if ((t.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbiddenField(p.child('spec').child('ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
