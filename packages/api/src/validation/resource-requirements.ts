/**
 * Container resource requirements (pkg/apis/core/validation: validateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue) and resource-name helpers.
 */
import type { ResourceRequirements } from 'kubernetes-types/core/v1.js';
import { Quantity, QuantityParseError } from '../quantity.js';
import { forbiddenField, invalidValue, required, type FieldError, type FieldPath } from './field-errors.js';
import { invalidGo } from './go-value.js';
import { isQualifiedName } from './names.js';
import { IS_NEGATIVE_ERROR_MSG } from './common.js';

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const isHugePageResourceName = (n: string): boolean => n.startsWith('hugepages-');
export const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
export const isExtendedResourceName = (n: string): boolean =>
  !isNativeResource(n) && !n.startsWith('requests.') && isQualifiedName(`requests.${n}`).length === 0;
/** Native resources other than hugepages may have requests below limits. */
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResourceName(n);

function isStandardResourceName(n: string): boolean {
  return STANDARD_RESOURCES.has(n) || isHugePageResourceName(n) || n.startsWith('requests.hugepages-');
}

export function validateResourceName(name: string, p: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalidValue(p, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) {
    return [invalidValue(p, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

export function validateContainerResourceName(name: string, p: FieldPath): FieldError[] {
  const errs = validateResourceName(name, p);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalidValue(p, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalidValue(p, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** Parses a quantity field; an unparsable value becomes an Invalid error with the parser's text. */
export function parseQuantityField(raw: unknown, p: FieldPath, errs: FieldError[]): Quantity | undefined {
  try {
    return Quantity.parse(typeof raw === 'number' ? String(raw) : String(raw ?? ''));
  } catch (e) {
    if (!(e instanceof QuantityParseError)) throw e;
    errs.push(invalidValue(p, raw, e.message));
    return undefined;
  }
}

/** ValidateResourceQuantityValue: non-negative, and whole for integer (extended) resources. */
export function validateResourceQuantityValue(resource: string, q: Quantity, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalidValue(p, q.toString(), IS_NEGATIVE_ERROR_MSG));
  if (isExtendedResourceName(resource) && q.scaledValue(-3) % 1000n !== 0n) {
    errs.push(invalidGo(p, q.toString(), 'must be an integer'));
  }
  return errs;
}

function hugePageSize(name: string): Quantity | undefined {
  try {
    return Quantity.parse(name.slice('hugepages-'.length));
  } catch {
    return undefined;
  }
}

function hugePageError(name: string, q: Quantity, p: FieldPath): FieldError[] {
  const size = hugePageSize(name);
  if (size && size.sign() > 0 && q.scaledValue(0) % size.scaledValue(0) === 0n) return [];
  return [invalidValue(p, q.toString(), `${q.toString()} is not positive integer multiple of ${name}`)];
}

/** validateResourceRequirements for a container. */
export function validateContainerResources(
  req: ResourceRequirements | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = p.child('limits');
  const reqPath = p.child('requests');
  const limits = new Map<string, Quantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, raw] of Object.entries(req?.limits ?? {})) {
    const fp = limPath.key(name);
    errs.push(...validateContainerResourceName(name, fp));
    const q = parseQuantityField(raw, fp, errs);
    if (!q) continue;
    limits.set(name, q);
    errs.push(...validateResourceQuantityValue(name, q, fp));
    if (isHugePageResourceName(name)) {
      hugePages = true;
      errs.push(...hugePageError(name, q, fp));
    }
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, raw] of Object.entries(req?.requests ?? {})) {
    const fp = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, fp));
    const q = parseQuantityField(raw, fp, errs);
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, fp));
    const limit = limits.get(name);
    if (limit) {
      if (q.compare(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalidValue(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.compare(limit) > 0) {
        errs.push(
          invalidValue(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`),
        );
      }
    } else if (!isOvercommitAllowed(name) && !(req?.limits && name in req.limits)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      hugePages = true;
      errs.push(...hugePageError(name, q, fp));
    }
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbiddenField(p, 'HugePages require cpu or memory'));
  return errs;
}
