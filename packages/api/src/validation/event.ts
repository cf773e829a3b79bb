/**
 * core/v1 Event validation: only the legacy rules apply to the v1 API (pkg/apis/core/validation
 * events.go legacyValidateEvent), notably that involvedObject.namespace matches the event's.
 */
import type { Event } from 'kubernetes-types/core/v1.js';
import { FieldPath, invalidValue, required, type FieldError } from './field-errors.js';
import type { KindValidation } from './kind-validation.js';
import { isDNS1123Subdomain, isQualifiedName } from './names.js';

const limit = (v: string | undefined, max: number, f: string): FieldError[] =>
  (v ?? '').length > max ? [invalidValue(f, '', `can have at most ${max} characters`)] : [];

function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata?.namespace ?? '';
  const ioNs = ev.involvedObject?.namespace ?? '';
  const mismatch = (): FieldError => invalidValue(FieldPath.root('involvedObject').child('namespace'), ioNs, 'does not match event.namespace');
  if (!ev.eventTime) {
    if (!ioNs) {
      if (ns !== '' && ns !== 'default') errs.push(mismatch());
    } else if (ns !== ioNs) errs.push(mismatch());
  } else {
    if (!ioNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const controller = ev.reportingComponent ?? '';
    if (!controller) errs.push(required('reportingController'));
    for (const m of isQualifiedName(controller)) errs.push(invalidValue('reportingController', controller, m));
    if (!ev.reportingInstance) errs.push(required('reportingInstance'));
    errs.push(...limit(ev.reportingInstance, 128, 'reportingInstance'));
    if (!ev.action) errs.push(required('action'));
    errs.push(...limit(ev.action, 128, 'action'));
    if (!ev.reason) errs.push(required('reason'));
    errs.push(...limit(ev.reason, 128, 'reason'));
    errs.push(...limit(ev.message, 1024, 'message'));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalidValue('namespace', ns, m));
  return errs;
}

export const eventValidation: KindValidation<Event> = {
  create: validateEvent,
  update: (n) => validateEvent(n),
};
