/**
 * ValidatePodUpdate (pkg/apis/core/validation): on a running pod only container/initContainer
 * images, activeDeadlineSeconds (decrease), tolerations (additions), schedulingGates (removals)
 * and a negative terminationGracePeriodSeconds (to 1) may change.
 */
import type { Container, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1.js';
import { FieldPath, forbiddenField, invalidValue, required, type FieldError } from './field-errors.js';
import { deepEqual } from './common.js';
import { inclusiveRangeError } from './names.js';
import { validateObjectMetaUpdate } from './object-meta.js';
import { validatePodAnnotationUpdates } from './pod-annotations.js';
import { podSpecDiff } from './pod-spec-diff.js';
import { validatePodMetadataAndSpec } from './pod.js';
import { validateTolerations } from './scheduling.js';

export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateContainerUpdates(
  n: Container[] | undefined,
  o: Container[] | undefined,
  p: FieldPath,
): { errs: FieldError[]; stop: boolean } {
  const nl = n ?? [];
  if (nl.length !== (o ?? []).length) {
    return { errs: [forbiddenField(p, 'pod updates may not add or remove containers')], stop: true };
  }
  const errs: FieldError[] = [];
  nl.forEach((c, i) => {
    const image = c.image ?? '';
    if (!image) errs.push(required(p.index(i).child('image')));
    if (image.trim().length !== image.length) {
      errs.push(invalidValue(p.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    }
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(n: Toleration[] | undefined, o: Toleration[] | undefined, p: FieldPath): FieldError[] {
  for (const old of o ?? []) {
    const found = (n ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbiddenField(p, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(n, p);
}

function validateOnlyDeletedSchedulingGates(n: PodSpec, o: PodSpec, p: FieldPath): FieldError[] {
  const old = new Set((o.schedulingGates ?? []).map((g) => g.name));
  const errs: FieldError[] = [];
  (n.schedulingGates ?? []).forEach((g, i) => {
    if (!old.has(g.name)) {
      errs.push(forbiddenField(p.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${g.name}'`));
    }
  });
  return errs;
}

export function validatePodUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const meta = FieldPath.root('metadata');
  const errs = validateObjectMetaUpdate(newPod.metadata, oldPod.metadata, meta);
  errs.push(...validatePodMetadataAndSpec(newPod));
  errs.push(
    ...validatePodAnnotationUpdates(newPod.metadata?.annotations, oldPod.metadata?.annotations, newPod.spec, meta.child('annotations')),
  );
  const specPath = FieldPath.root('spec');
  const ns: PodSpec = newPod.spec ?? { containers: [] };
  const os: PodSpec = oldPod.spec ?? { containers: [] };
  for (const field of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(ns[field], os[field], specPath.child(field));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = ns.activeDeadlineSeconds;
  if (ads !== undefined) {
    if (ads < 0 || ads > 2147483647) {
      errs.push(invalidValue(specPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, 2147483647)));
      return errs;
    }
    if (os.activeDeadlineSeconds !== undefined && os.activeDeadlineSeconds < ads) {
      errs.push(invalidValue(specPath.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (os.activeDeadlineSeconds !== undefined) {
    errs.push(invalidValue(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(ns.tolerations, os.tolerations, specPath.child('tolerations')));
  errs.push(...validateOnlyDeletedSchedulingGates(ns, os, specPath.child('schedulingGates')));
  if (deepEqual(ns, os)) return errs;

  const munged: PodSpec = {
    ...ns,
    containers: (ns.containers ?? []).map((c, i) => ({ ...c, image: os.containers[i]?.image })) as Container[],
    activeDeadlineSeconds: os.activeDeadlineSeconds,
    schedulingGates: os.schedulingGates,
    tolerations: os.tolerations,
  };
  if (ns.initContainers) {
    munged.initContainers = ns.initContainers.map((c, i) => ({ ...c, image: os.initContainers?.[i]?.image })) as Container[];
  }
  const oldGrace = os.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if ((os.schedulingGates ?? []).length > 0) {
    // Gated pods may gain nodeSelector entries and node affinity; compare the rest.
    munged.nodeSelector = os.nodeSelector;
    if (munged.affinity || os.affinity) {
      munged.affinity = { ...(munged.affinity ?? {}), nodeAffinity: os.affinity?.nodeAffinity };
    }
  }
  if (!deepEqual(munged, os)) {
    errs.push(
      forbiddenField(
        specPath,
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${podSpecDiff(os, munged)}`,
      ),
    );
  }
  return errs;
}
