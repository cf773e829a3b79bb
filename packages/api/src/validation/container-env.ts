/**
 * Container environment: `env` (names, valueFrom sources, downward API field paths) and `envFrom`
 * (pkg/apis/core/validation ValidateEnv / ValidateEnvFrom, relaxed names as in 1.32).
 */
import type { EnvFromSource, EnvVar, ObjectFieldSelector, ResourceFieldSelector } from 'kubernetes-types/core/v1.js';
import { Quantity } from '../quantity.js';
import { invalidValue, notSupported, required, type FieldError, type FieldPath } from './field-errors.js';
import { validateQualifiedName } from './common.js';
import { isConfigMapKey, isRelaxedEnvVarName, nameIsDNSSubdomain } from './names.js';

export const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
export const VOLUME_FIELD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const DOWNWARD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['x']` → path and subscript. */
function splitSubscript(fieldPath: string): { path: string; subscript?: string } {
  if (!fieldPath.endsWith("']")) return { path: fieldPath };
  const s = fieldPath.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return { path: fieldPath };
  return { path: s.slice(0, i), subscript: s.slice(i + 2) };
}

/** podshelper.ConvertDownwardAPIFieldLabel. */
function convertDownwardLabel(version: string, label: string): { label: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` };
  const { path, subscript } = splitSubscript(label);
  if (subscript !== undefined) {
    return path === 'metadata.annotations' || path === 'metadata.labels'
      ? { label }
      : { error: `field label does not support subscript: ${label}` };
  }
  if (DOWNWARD_LABELS.has(label)) return { label };
  if (label === 'spec.host') return { label: 'spec.nodeName' };
  return { error: `field label not supported: ${label}` };
}

export function validateObjectFieldSelector(
  fs: ObjectFieldSelector,
  expressions: readonly string[],
  p: FieldPath,
): FieldError[] {
  if (!fs.apiVersion) return [required(p.child('apiVersion'))];
  if (!fs.fieldPath) return [required(p.child('fieldPath'))];
  const conv = convertDownwardLabel(fs.apiVersion, fs.fieldPath);
  if ('error' in conv) {
    return [invalidValue(p.child('fieldPath'), fs.fieldPath, `error converting fieldPath: ${conv.error}`)];
  }
  const { path, subscript } = splitSubscript(conv.label);
  if (subscript !== undefined) {
    if (path === 'metadata.annotations') return validateQualifiedName(subscript.toLowerCase(), p);
    if (path === 'metadata.labels') return validateQualifiedName(subscript, p);
    return [invalidValue(p, path, 'does not support subscript')];
  }
  if (!expressions.includes(path)) return [notSupported(p.child('fieldPath'), path, [...expressions].sort())];
  return [];
}

const CPU_DIVISORS = new Set(['1m', '1']);
const BYTE_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);

export function validateResourceFieldSelector(
  fs: ResourceFieldSelector,
  p: FieldPath,
  volume: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const resource = fs.resource ?? '';
  if (volume && !fs.containerName) errs.push(required(p.child('containerName')));
  else if (!resource) errs.push(required(p.child('resource')));
  else if (
    !RESOURCE_FIELD_PATHS.includes(resource) &&
    !resource.startsWith('requests.hugepages-') &&
    !resource.startsWith('limits.hugepages-')
  ) {
    errs.push(notSupported(p.child('resource'), resource, RESOURCE_FIELD_PATHS));
  }
  if (fs.divisor !== undefined && fs.divisor !== '') {
    let d: string;
    try {
      d = Quantity.parse(String(fs.divisor)).toString();
    } catch {
      return errs;
    }
    if (d === '0') return errs;
    const dp = p.child('divisor');
    if ((resource === 'limits.cpu' || resource === 'requests.cpu') && !CPU_DIVISORS.has(d)) {
      errs.push(invalidValue(dp, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
    }
    const bytes = "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the";
    if ((resource === 'limits.memory' || resource === 'requests.memory') && !BYTE_DIVISORS.has(d)) {
      errs.push(invalidValue(dp, resource, `${bytes} memory resource`));
    }
    if ((resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') && !BYTE_DIVISORS.has(d)) {
      errs.push(invalidValue(dp, resource, `${bytes} local ephemeral storage resource`));
    }
    if (/^(requests|limits)\.hugepages-/.test(resource) && !BYTE_DIVISORS.has(d)) {
      errs.push(invalidValue(dp, resource, `${bytes} hugepages resource`));
    }
  }
  return errs;
}

function validateKeySelector(s: { name?: string; key: string }, p: FieldPath): FieldError[] {
  const name = s.name ?? '';
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalidValue(p.child('name'), name, m));
  if (!s.key) errs.push(required(p.child('key')));
  else for (const m of isConfigMapKey(s.key)) errs.push(invalidValue(p.child('key'), s.key, m));
  return errs;
}

function validateValueFrom(ev: EnvVar, p: FieldPath): FieldError[] {
  const vf = ev.valueFrom;
  if (!vf) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (vf.fieldRef) {
    sources++;
    errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, p.child('fieldRef')));
  }
  if (vf.resourceFieldRef) {
    sources++;
    errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, p.child('resourceFieldRef'), false));
  }
  if (vf.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, p.child('configMapKeyRef')));
  }
  if (vf.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(vf.secretKeyRef, p.child('secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(
      invalidValue(p, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'),
    );
  } else if (ev.value) {
    errs.push(invalidValue(p, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalidValue(p, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(vars: EnvVar[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const ip = p.index(i);
    if (!ev.name) errs.push(required(ip.child('name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalidValue(ip.child('name'), ev.name, m));
    errs.push(...validateValueFrom(ev, ip.child('valueFrom')));
  });
  return errs;
}

export function validateEnvFrom(vars: EnvFromSource[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const ip = p.index(i);
    if (ev.prefix) for (const m of isRelaxedEnvVarName(ev.prefix)) errs.push(invalidValue(ip.child('prefix'), ev.prefix, m));
    let sources = 0;
    for (const [key, ref] of [['configMapRef', ev.configMapRef], ['secretRef', ev.secretRef]] as const) {
      if (!ref) continue;
      sources++;
      const rp = ip.child(key);
      if (!ref.name) errs.push(required(rp.child('name')));
      else for (const m of nameIsDNSSubdomain(ref.name, true)) errs.push(invalidValue(rp.child('name'), ref.name, m));
    }
    if (sources === 0) errs.push(invalidValue(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalidValue(p, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
