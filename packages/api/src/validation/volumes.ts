/**
 * Pod volumes and container volume mounts (pkg/apis/core/validation ValidateVolumes,
 * validateVolumeSource, ValidateVolumeMounts). Exotic sources are counted but only shallowly checked.
 */
import type { Container, KeyToPath, Volume, VolumeMount } from 'kubernetes-types/core/v1.js';
import {
  duplicate,
  forbiddenField,
  invalidValue,
  notFoundField,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from './field-errors.js';
import { validateDNS1123Label } from './common.js';
import { validateObjectFieldSelector, validateResourceFieldSelector, VOLUME_FIELD_PATHS } from './container-env.js';

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

type Src = Record<string, unknown>;

function noBacksteps(path: string, p: FieldPath): FieldError[] {
  return path.split('/').includes('..') ? [invalidValue(p, path, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(path: string, p: FieldPath): FieldError[] {
  const errs = path.startsWith('/') ? [invalidValue(p, path, 'must be a relative path')] : [];
  return [...errs, ...noBacksteps(path, p)];
}

function validateLocalNonReservedPath(path: string, p: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(path, p);
  if (path.startsWith('..') && !path.startsWith('../')) errs.push(invalidValue(p, path, "must not start with '..'"));
  return errs;
}

function mode(v: unknown, p: FieldPath): FieldError[] {
  return typeof v === 'number' && (v > 0o777 || v < 0) ? [invalidValue(p, v, FILE_MODE_MSG)] : [];
}

function keyToPaths(items: KeyToPath[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((kp, i) => {
    const ip = p.index(i);
    if (!kp.key) errs.push(required(ip.child('key')));
    if (!kp.path) errs.push(required(ip.child('path')));
    errs.push(...validateLocalNonReservedPath(kp.path ?? '', ip.child('path')), ...mode(kp.mode, ip.child('mode')));
  });
  return errs;
}

function downwardItems(items: unknown, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const raw of (items as Src[] | undefined) ?? []) {
    const path = String(raw['path'] ?? '');
    if (!path) errs.push(required(p.child('path')));
    errs.push(...validateLocalNonReservedPath(path, p.child('path')));
    const fieldRef = raw['fieldRef'] as Parameters<typeof validateObjectFieldSelector>[0] | undefined;
    const resourceRef = raw['resourceFieldRef'] as Parameters<typeof validateResourceFieldSelector>[0] | undefined;
    if (fieldRef) {
      errs.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, p.child('fieldRef')));
      if (resourceRef) errs.push(invalidValue(p, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    } else if (resourceRef) {
      errs.push(...validateResourceFieldSelector(resourceRef, p.child('resourceFieldRef'), true));
    } else {
      errs.push(required(p, 'one of fieldRef and resourceFieldRef is required'));
    }
    errs.push(...mode(raw['mode'], p.child('mode')));
  }
  return errs;
}

type SourceCheck = (s: Src, p: FieldPath) => FieldError[];
const req = (field: string): SourceCheck => (s, p) => (s[field] ? [] : [required(p.child(field))]);

/** In upstream order; the second element is the child path used for the source's own errors. */
const SOURCES: [string, string, SourceCheck][] = [
  ['emptyDir', 'emptyDir', () => []],
  ['hostPath', 'hostPath', (s, p) => {
    const path = String(s['path'] ?? '');
    if (!path) return [required(p.child('path'))];
    const t = s['type'];
    const errs = noBacksteps(path, p.child('path'));
    if (typeof t === 'string' && !HOST_PATH_TYPES.includes(t)) errs.push(notSupported(p.child('type'), t, HOST_PATH_TYPES));
    return errs;
  }],
  ['gitRepo', 'gitRepo', req('repository')],
  ['gcePersistentDisk', 'persistentDisk', req('pdName')],
  ['awsElasticBlockStore', 'awsElasticBlockStore', req('volumeID')],
  ['secret', 'secret', (s, p) => [
    ...req('secretName')(s, p),
    ...mode(s['defaultMode'], p.child('defaultMode')),
    ...keyToPaths(s['items'] as KeyToPath[] | undefined, p.child('items')),
  ]],
  ['nfs', 'nfs', (s, p) => {
    const errs = [...req('server')(s, p), ...req('path')(s, p)];
    const path = String(s['path'] ?? '');
    if (!path.startsWith('/')) errs.push(invalidValue(p.child('path'), path, 'must be an absolute path'));
    return errs;
  }],
  ['iscsi', 'iscsi', (s, p) => [...req('targetPortal')(s, p), ...req('iqn')(s, p)]],
  ['glusterfs', 'glusterfs', (s, p) => [...req('endpoints')(s, p), ...req('path')(s, p)]],
  ['flocker', 'flocker', () => []],
  ['persistentVolumeClaim', 'persistentVolumeClaim', req('claimName')],
  ['rbd', 'rbd', () => []],
  ['cinder', 'cinder', req('volumeID')],
  ['cephfs', 'cephfs', () => []],
  ['quobyte', 'quobyte', () => []],
  ['downwardAPI', 'downwardAPI', (s, p) => [
    ...mode(s['defaultMode'], p.child('defaultMode')),
    ...downwardItems(s['items'], p),
  ]],
  ['fc', 'fc', () => []],
  ['flexVolume', 'flexVolume', req('driver')],
  ['configMap', 'configMap', (s, p) => [
    ...req('name')(s, p),
    ...mode(s['defaultMode'], p.child('defaultMode')),
    ...keyToPaths(s['items'] as KeyToPath[] | undefined, p.child('items')),
  ]],
  ['azureFile', 'azureFile', (s, p) => [...req('secretName')(s, p), ...req('shareName')(s, p)]],
  ['vsphereVolume', 'vsphereVolume', req('volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', req('pdID')],
  ['portworxVolume', 'portworxVolume', req('volumeID')],
  ['azureDisk', 'azureDisk', (s, p) => [...req('diskName')(s, p), ...req('diskURI')(s, p)]],
  ['storageos', 'storageos', () => []],
  ['projected', 'projected', (s, p) => mode(s['defaultMode'], p.child('defaultMode'))],
  ['scaleIO', 'scaleIO', () => []],
  ['csi', 'csi', (s, p) => (s['driver'] ? [] : [required(p.child('driver'))])],
  ['ephemeral', 'ephemeral', req('volumeClaimTemplate')],
  ['image', 'image', () => []],
];

// Upstream spells the forbidden path of a second downwardAPI source "downwarAPI".
const FORBIDDEN_CHILD: Record<string, string> = { downwardAPI: 'downwarAPI', cephfs: 'cephFS' };

function validateVolumeSource(vol: Volume, p: FieldPath): FieldError[] {
  const src = vol as unknown as Src;
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, childName, check] of SOURCES) {
    const s = src[key];
    if (s === undefined || s === null) continue;
    if (count > 0) {
      errs.push(forbiddenField(p.child(FORBIDDEN_CHILD[key] ?? key), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...check(s as Src, p.child(childName)));
  }
  if (count === 0) errs.push(required(p, 'must specify a volume type'));
  return errs;
}

/** ValidateVolumes: the names of the valid volumes (with their sources) and the errors. */
export function validateVolumes(
  volumes: Volume[] | undefined,
  p: FieldPath,
): { volumes: Map<string, Volume>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const valid = new Map<string, Volume>();
  (volumes ?? []).forEach((vol, i) => {
    const ip = p.index(i);
    const el = validateVolumeSource(vol, ip);
    if (!vol.name) el.push(required(ip.child('name')));
    else el.push(...validateDNS1123Label(vol.name, ip.child('name')));
    if (valid.has(vol.name)) el.push(duplicate(ip.child('name'), vol.name));
    if (el.length === 0) valid.set(vol.name, vol);
    else errs.push(...el);
  });
  return { volumes: valid, errs };
}

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

export function validateVolumeMounts(
  mounts: VolumeMount[] | undefined,
  volumes: Map<string, Volume>,
  container: Container,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const ip = p.index(i);
    if (!m.name) errs.push(required(ip.child('name')));
    if (!volumes.has(m.name)) errs.push(notFoundField(ip.child('name'), m.name));
    if (!m.mountPath) errs.push(required(ip.child('mountPath')));
    if (seen.has(m.mountPath)) errs.push(invalidValue(ip.child('mountPath'), m.mountPath, 'must be unique'));
    seen.add(m.mountPath);
    // Upstream reports subPath problems at the list path, not the item path.
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, p.child('subPath')));
    if (m.subPathExpr) {
      if (m.subPath) {
        errs.push(invalidValue(ip.child('subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      }
      errs.push(...validateLocalDescendingPath(m.subPathExpr, p.child('subPathExpr')));
    }
    if (m.mountPropagation !== undefined) {
      const mp = p.child('mountPropagation');
      if (!PROPAGATIONS.includes(m.mountPropagation)) errs.push(notSupported(mp, m.mountPropagation, PROPAGATIONS));
      if (m.mountPropagation === 'Bidirectional' && container.securityContext?.privileged !== true) {
        errs.push(forbiddenField(mp, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}
