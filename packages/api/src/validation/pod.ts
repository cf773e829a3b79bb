/**
 * Pod create and status-update validation (pkg/apis/core/validation ValidatePodCreate,
 * validatePodMetadataAndSpec, ValidatePodStatusUpdate). Updates live in pod-update.ts.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1.js';
import { duplicate, FieldPath, forbiddenField, invalidValue, type FieldError } from './field-errors.js';
import { validateImmutable, validateQualifiedName } from './common.js';
import { validateContainersOnlyForPod } from './container.js';
import { ipFamily, validateIP } from './ip.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodAnnotationUpdates, validatePodSpecificAnnotations } from './pod-annotations.js';
import { validatePodSpec } from './pod-spec.js';

export function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const meta = FieldPath.root('metadata');
  const spec = FieldPath.root('spec');
  const errs = validateObjectMeta(pod.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }, meta);
  errs.push(...validatePodSpecificAnnotations(pod.metadata?.annotations, pod.spec, meta.child('annotations')));
  errs.push(...validatePodSpec(pod.spec, spec, true));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((src, si) => {
        if (!src.serviceAccountToken) return;
        const sp = spec.child('volumes').index(vi).child('projected').child('sources').index(si).child('serviceAccountToken');
        errs.push(forbiddenField(sp, 'must not be specified when serviceAccountName is not set'));
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(pod.spec?.containers, spec.child('containers')));
  errs.push(...validateContainersOnlyForPod(pod.spec?.initContainers, spec.child('initContainers')));
  return errs;
}

export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = FieldPath.root('spec');
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(forbiddenField(spec.child('ephemeralContainers'), 'cannot be set on create'));
  }
  if (pod.spec?.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(forbiddenField(spec.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

function validateStateTransitions(
  n: ContainerStatus[] | undefined,
  o: ContainerStatus[] | undefined,
  restartPolicy: string,
  p: FieldPath,
): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errs: FieldError[] = [];
  (o ?? []).forEach((old, i) => {
    const term = old.state?.terminated;
    if (!term) return;
    if (term.exitCode !== 0 && restartPolicy === 'OnFailure') return;
    for (const cur of n ?? []) {
      if (cur.name === old.name && !cur.state?.terminated) {
        errs.push(forbiddenField(p.index(i).child('state'), 'may not be transitioned to non-terminated state'));
      }
    }
  });
  return errs;
}

function validateIPList(ips: { ip?: string }[] | undefined, p: FieldPath): FieldError[] {
  const list = ips ?? [];
  const errs: FieldError[] = [];
  list.forEach((x, i) => errs.push(...validateIP(x.ip ?? '', p.index(i))));
  if (list.length > 1) {
    const families = list.map((x) => ipFamily(x.ip ?? ''));
    if (list.length > 2 || families[0] === families[1]) {
      errs.push(invalidValue(p, list, 'may specify no more than one IP for each IP family'));
    }
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.ip ?? '')) errs.push(duplicate(p.index(i), x));
      seen.add(x.ip ?? '');
    });
  }
  return errs;
}

/** ValidatePodStatusUpdate (status subresource). */
export function validatePodStatusUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const meta = FieldPath.root('metadata');
  const errs = validateObjectMetaUpdate(newPod.metadata, oldPod.metadata, meta);
  errs.push(
    ...validatePodAnnotationUpdates(newPod.metadata?.annotations, oldPod.metadata?.annotations, newPod.spec, meta.child('annotations')),
  );
  (newPod.status?.conditions ?? []).forEach((c, i) => {
    if (!SYSTEM_CONDITIONS.has(c.type)) errs.push(...validateQualifiedName(c.type, meta.child('conditions').index(i).child('Type')));
  });
  const status = FieldPath.root('status');
  if ((newPod.spec?.nodeName ?? '') !== (oldPod.spec?.nodeName ?? '')) {
    errs.push(forbiddenField(status.child('nodeName'), 'may not be changed directly'));
  }
  const nominated = newPod.status?.nominatedNodeName ?? '';
  if (nominated && nominated !== (oldPod.status?.nominatedNodeName ?? '')) {
    for (const m of nameIsDNSSubdomain(nominated, false)) errs.push(invalidValue(status.child('nominatedNodeName'), nominated, m));
  }
  errs.push(...validateImmutable(newPod.status?.qosClass ?? '', oldPod.status?.qosClass ?? '', status.child('qosClass')));
  const restart = oldPod.spec?.restartPolicy ?? '';
  errs.push(
    ...validateStateTransitions(newPod.status?.containerStatuses, oldPod.status?.containerStatuses, restart, status.child('containerStatuses')),
  );
  const restartableInit = new Set((oldPod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  errs.push(
    ...validateStateTransitions(
      newPod.status?.initContainerStatuses,
      (oldPod.status?.initContainerStatuses ?? []).map((s) => (restartableInit.has(s.name) ? { ...s, state: {} } : s)),
      restart,
      status.child('initContainerStatuses'),
    ),
  );
  errs.push(...validateIPList(newPod.status?.podIPs, status.child('podIPs')));
  const hostIPs = newPod.status?.hostIPs ?? [];
  if (hostIPs.length > 0 && (newPod.status?.hostIP ?? '') !== (hostIPs[0]?.ip ?? '')) {
    errs.push(invalidValue(status.child('hostIPs').index(0).child('ip'), hostIPs[0]?.ip ?? '', 'must be equal to `hostIP`'));
  }
  errs.push(...validateIPList(hostIPs, status.child('hostIPs')));
  return errs;
}
