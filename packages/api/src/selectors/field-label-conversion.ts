/**
 * Which field labels a kind accepts in `fieldSelector` (the AddFieldLabelConversionFunc tables of
 * pkg/apis/<group>/<version>/conversion.go, falling back to runtime.DefaultMetaV1FieldSelectorConversion).
 * The apiserver answers an unknown label with 400 and exactly these messages.
 */
import type { FieldSelectorMatcher } from './field-selector.js';

interface Conversion {
  accepted: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  reject: (label: string) => string;
}

const notSupported = (label: string): string => `field label not supported: ${label}`;

const CONVERSIONS: Record<string, Conversion> = {
  '/Pod': {
    accepted: [
      'metadata.name',
      'metadata.namespace',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.podIPs',
      'status.nominatedNodeName',
    ],
    // Old v1 clients send spec.host.
    aliases: { 'spec.host': 'spec.nodeName' },
    reject: notSupported,
  },
  '/Node': { accepted: ['metadata.name', 'spec.unschedulable'], reject: notSupported },
  '/ReplicationController': {
    accepted: ['metadata.name', 'metadata.namespace', 'status.replicas'],
    reject: notSupported,
  },
  '/Event': {
    accepted: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    reject: notSupported,
  },
  '/Namespace': { accepted: ['status.phase', 'metadata.name'], reject: notSupported },
  '/Secret': { accepted: ['type', 'metadata.namespace', 'metadata.name'], reject: notSupported },
  '/Service': {
    accepted: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
    reject: notSupported,
  },
  'batch/Job': {
    accepted: ['metadata.name', 'metadata.namespace', 'status.successful'],
    reject: (label) => `field label ${JSON.stringify(label)} not supported for Job`,
  },
};

/** runtime.DefaultMetaV1FieldSelectorConversion: every kind without its own table (all of apps). */
const DEFAULT_CONVERSION: Conversion = {
  accepted: ['metadata.name', 'metadata.namespace'],
  reject: (label) =>
    `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

export type FieldLabelConversion = { label: string } | { error: string };

/** Scheme.ConvertFieldLabel for one label: the canonical label, or the upstream error text. */
export function convertFieldLabel(group: string, kind: string, label: string): FieldLabelConversion {
  const conv = CONVERSIONS[`${group}/${kind}`] ?? DEFAULT_CONVERSION;
  if (conv.accepted.includes(label)) return { label };
  const alias = conv.aliases?.[label];
  if (alias) return { label: alias };
  return { error: conv.reject(label) };
}

/** The upstream rejection text for `label` on this kind (whether or not it is actually supported). */
export function unsupportedFieldError(group: string, kind: string, label: string): string {
  return (CONVERSIONS[`${group}/${kind}`] ?? DEFAULT_CONVERSION).reject(label);
}

/**
 * The message the apiserver sends with 400 BadRequest for the first unsupported label (terms are
 * checked in selector order), or undefined when every label is supported.
 */
export function validateFieldSelector(
  group: string,
  kind: string,
  matcher: FieldSelectorMatcher,
): string | undefined {
  for (const r of matcher.requirements) {
    const c = convertFieldLabel(group, kind, r.field);
    if ('error' in c) return c.error;
  }
  return undefined;
}

/** Applies label aliases (spec.host → spec.nodeName). Call after validateFieldSelector passed. */
export function convertFieldSelector(
  group: string,
  kind: string,
  matcher: FieldSelectorMatcher,
): FieldSelectorMatcher {
  return matcher.transform((field, value) => {
    const c = convertFieldLabel(group, kind, field);
    return { field: 'label' in c ? c.label : field, value };
  });
}
