/**
 * ObjectMeta validation on create and update (apimachinery/pkg/api/validation/objectmeta.go plus
 * the core finalizer-name rule of pkg/apis/core/validation ValidateObjectMeta).
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.js';
import {
  FieldPath,
  forbiddenField,
  invalidValue,
  required,
  tooLong,
  type FieldError,
} from './field-errors.js';
import {
  validateImmutable,
  validateLabels,
  validateNonnegative,
  validateQualifiedName,
} from './common.js';
import { goQuote, goStringSlice, invalidGo } from './go-value.js';
import { isQualifiedName, nameIsDNSLabel, type NameValidator } from './names.js';

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameValidator: NameValidator;
  /** Apply the core "standard or fully qualified finalizer" rule (default true). */
  kubeFinalizers?: boolean;
}

export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalidValue(p, k, m));
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(p, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

function goPtr(v: unknown, type: string): string {
  return v === undefined || v === null ? `(*${type})(nil)` : `(*${type})(0xc000000000)`;
}

function goOwnerRef(r: OwnerReference): string {
  return (
    `v1.OwnerReference{APIVersion:${goQuote(r.apiVersion ?? '')}, Kind:${goQuote(r.kind ?? '')}, ` +
    `Name:${goQuote(r.name ?? '')}, UID:${goQuote(r.uid ?? '')}, Controller:${goPtr(r.controller, 'bool')}, ` +
    `BlockOwnerDeletion:${goPtr(r.blockOwnerDeletion, 'bool')}}`
  );
}

function parseGroupVersion(apiVersion: string): { group: string; version: string } | undefined {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] ?? '' };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' };
  return undefined;
}

export function validateOwnerReferences(refs: OwnerReference[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const gv = parseGroupVersion(ref.apiVersion ?? '') ?? { group: '', version: '' };
    if (!gv.version) errs.push(invalidValue(p.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalidValue(p.child('kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalidValue(p.child('name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalidValue(p.child('uid'), ref.uid ?? '', 'must not be empty'));
    if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
      errs.push(invalidGo(p, goOwnerRef(ref), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const cur = `${ref.kind ?? ''}/${ref.name ?? ''}`;
      if (firstController) {
        errs.push(
          invalidGo(
            p,
            `[]v1.OwnerReference{${(refs ?? []).map(goOwnerRef).join(', ')}}`,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** validateKubeFinalizerName: an unprefixed finalizer must be a standard one. */
export function validateKubeFinalizerName(name: string, p: FieldPath): FieldError[] {
  if (name.split('/').length === 1 && !STANDARD_FINALIZERS.has(name)) {
    return [invalidValue(p, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

export function validateFinalizers(
  finalizers: string[] | undefined,
  p: FieldPath,
  kube = true,
): FieldError[] {
  const list = finalizers ?? [];
  const errs: FieldError[] = [];
  for (const f of list) errs.push(...validateQualifiedName(f, p));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalidGo(p, goStringSlice(list), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  if (kube) list.forEach((f, i) => errs.push(...validateKubeFinalizerName(f, p.index(i))));
  return errs;
}

function validateCommon(meta: ObjectMeta, p: FieldPath, kube: boolean): FieldError[] {
  return [
    ...validateNonnegative(meta.generation, p.child('generation')),
    ...validateLabels(meta.labels, p.child('labels')),
    ...validateAnnotations(meta.annotations, p.child('annotations')),
    ...validateOwnerReferences(meta.ownerReferences, p.child('ownerReferences')),
    ...validateFinalizers(meta.finalizers, p.child('finalizers'), kube),
  ];
}

/**
 * ValidateObjectMeta. Upstream expects generateName to be resolved into a name first; here a
 * generateName-only object is accepted too (the name will be generated from a valid prefix).
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  opts: ObjectMetaOptions,
  p: FieldPath = FieldPath.root('metadata'),
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = m.generateName ?? '';
  const name = m.name ?? '';
  if (generateName) {
    for (const msg of opts.nameValidator(generateName, true)) {
      errs.push(invalidValue(p.child('generateName'), generateName, msg));
    }
  }
  if (!name) {
    if (!generateName) errs.push(required(p.child('name'), 'name or generateName is required'));
  } else {
    for (const msg of opts.nameValidator(name, false)) errs.push(invalidValue(p.child('name'), name, msg));
  }
  const namespace = m.namespace ?? '';
  if (opts.namespaced) {
    if (!namespace) errs.push(required(p.child('namespace')));
    else for (const msg of nameIsDNSLabel(namespace, false)) errs.push(invalidValue(p.child('namespace'), namespace, msg));
  } else if (namespace) {
    errs.push(forbiddenField(p.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateCommon(m, p, opts.kubeFinalizers ?? true));
  return errs;
}

/** ValidateObjectMetaUpdate. */
export function validateObjectMetaUpdate(
  newMeta: ObjectMeta | undefined,
  oldMeta: ObjectMeta | undefined,
  p: FieldPath = FieldPath.root('metadata'),
  kubeFinalizers = true,
): FieldError[] {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(n.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length > 0) {
      errs.push(
        forbiddenField(
          p.child('finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`,
        ),
      );
    }
  }
  if (!n.resourceVersion) {
    errs.push(invalidValue(p.child('resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'));
  }
  if ((n.generation ?? 0) < (o.generation ?? 0)) {
    errs.push(invalidValue(p.child('generation'), n.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateImmutable(n.name ?? '', o.name ?? '', p.child('name')));
  errs.push(...validateImmutable(n.namespace ?? '', o.namespace ?? '', p.child('namespace')));
  errs.push(...validateImmutable(n.uid ?? '', o.uid ?? '', p.child('uid')));
  errs.push(...validateImmutable(n.creationTimestamp, o.creationTimestamp, p.child('creationTimestamp')));
  errs.push(...validateImmutable(n.deletionTimestamp, o.deletionTimestamp, p.child('deletionTimestamp')));
  errs.push(
    ...validateImmutable(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, p.child('deletionGracePeriodSeconds')),
  );
  errs.push(...validateLabels(n.labels, p.child('labels')));
  errs.push(...validateAnnotations(n.annotations, p.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, p.child('ownerReferences')));
  errs.push(...validateFinalizers(n.finalizers, p.child('finalizers'), kubeFinalizers));
  return errs;
}
