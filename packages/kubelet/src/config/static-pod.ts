/**
 * Pods from manifests (pkg/kubelet/config/common.go), shared by the file and HTTP sources:
 * decode one pod (or a PodList, HTTP only), apply the API defaults, give it its static identity
 * (applyDefaults), validate it as the API server would on create, and refuse references to API
 * objects.
 */
import {
  applyDefaults as applyApiDefaults,
  deepEqual,
  validateCreate,
  type ApiObject,
  type Pod,
  type Toleration,
} from '@kubelab/api';
import { apiObjectReference } from './api-references.js';
import { decodeObject, goObjectDump, type DecodedObject } from './manifest-decoder.js';
import { CONFIG_HASH_ANNOTATION } from './pod-update.js';
import { staticPodUid, type ManifestSource } from './static-pod-uid.js';

export type { ManifestSource } from './static-pod-uid.js';

/** maxConfigLength: a manifest (file or HTTP body) is read up to 10 MiB. */
export const MAX_CONFIG_LENGTH = 10 * (1 << 20);
/** utilio.ErrLimitReached. */
export const READ_LIMIT_REACHED = 'the read limit is reached';

/** Whether the data decoded as the wanted kind at all, and if so the result or why it is unusable. */
export type DecodeResult<T> =
  { parsed: false; error: Error } | { parsed: true; value: T } | { parsed: true; error: Error };

/** `<name>-<lowercase node>`: unique among nodes. */
export function generatePodName(name: string, nodeName: string): string {
  return `${name}-${nodeName.toLowerCase()}`;
}

/** What decoding through the scheme does to a v1 Pod: SetObjectDefaults_Pod (no admission). */
function defaultDecodedPod(pod: Pod): void {
  const hadPriority = pod.spec?.priority !== undefined;
  const hadPreemption = pod.spec?.preemptionPolicy !== undefined;
  applyApiDefaults('', 'Pod', pod as unknown as ApiObject);
  // defaultPod also writes what the Priority admission plugin adds; decoding does not.
  if (pod.spec && !hadPriority) delete pod.spec.priority;
  if (pod.spec && !hadPreemption) delete pod.spec.preemptionPolicy;
}

/** helper.AddOrUpdateTolerationInPod: replaces a toleration matching key/effect/operator/value. */
function addOrUpdateToleration(pod: Pod, t: Toleration): void {
  const spec = (pod.spec ??= { containers: [] });
  const list = spec.tolerations ?? [];
  const same = (a: Toleration): boolean =>
    (a.key ?? '') === (t.key ?? '') &&
    (a.effect ?? '') === (t.effect ?? '') &&
    (a.operator ?? '') === (t.operator ?? '') &&
    (a.value ?? '') === (t.value ?? '');
  if (list.some((a) => same(a) && deepEqual(a, t))) return;
  const replaced = list.some(same);
  spec.tolerations = replaced ? list.map((a) => (same(a) ? { ...t } : a)) : [...list, { ...t }];
}

/** common.go applyDefaults: UID, name, namespace, nodeName, hash annotation, toleration, phase. */
export function applyStaticPodDefaults(pod: Pod, source: ManifestSource, nodeName: string): void {
  const meta = (pod.metadata ??= {});
  if (!meta.uid) meta.uid = staticPodUid(pod, source, nodeName);
  meta.name = generatePodName(meta.name ?? '', nodeName);
  if (!meta.namespace) meta.namespace = 'default';
  (pod.spec ??= { containers: [] }).nodeName = nodeName;
  meta.annotations = { ...meta.annotations, [CONFIG_HASH_ANNOTATION]: meta.uid };
  if (source.kind === 'file')
    addOrUpdateToleration(pod, { operator: 'Exists', effect: 'NoExecute' });
  pod.status = { ...pod.status, phase: 'Pending' };
}

function validatePod(pod: Pod): Error | undefined {
  let errs;
  try {
    errs = validateCreate('', 'Pod', pod as unknown as ApiObject);
  } catch (err) {
    return new Error(`invalid pod: ${err instanceof Error ? err.message : String(err)}`);
  }
  return errs.length > 0 ? new Error(`invalid pod: [${errs.map(String).join(' ')}]`) : undefined;
}

/** Defaults, identity, validation and the API-reference check of one decoded pod. */
function finishPod(pod: Pod, source: ManifestSource, nodeName: string): DecodeResult<Pod> {
  if (!pod.metadata?.name)
    return { parsed: true, error: new Error('invalid pod: name is needed for the pod') };
  applyStaticPodDefaults(pod, source, nodeName);
  const invalid = validatePod(pod);
  if (invalid) return { parsed: true, error: invalid };
  try {
    const ref = apiObjectReference(pod);
    if (ref)
      return { parsed: true, error: new Error(`static pods may not reference ${ref.resource}`) };
  } catch (err) {
    return { parsed: true, error: err instanceof Error ? err : new Error(String(err)) };
  }
  return { parsed: true, value: pod };
}

function decode(data: string): DecodedObject | Error {
  try {
    return decodeObject(data);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** tryDecodeSinglePod. */
export function tryDecodeSinglePod(
  data: string,
  source: ManifestSource,
  nodeName: string,
): DecodeResult<Pod> {
  const d = decode(data);
  if (d instanceof Error) return { parsed: false, error: d };
  if (d.group !== '' || d.kind !== 'Pod')
    return { parsed: false, error: new Error(`invalid pod: ${goObjectDump(d)}`) };
  const pod = d.object as unknown as Pod;
  defaultDecodedPod(pod);
  return finishPod(pod, source, nodeName);
}

/** tryDecodePodList: every item must be usable, or the whole list is refused. */
export function tryDecodePodList(
  data: string,
  source: ManifestSource,
  nodeName: string,
): DecodeResult<Pod[]> {
  const d = decode(data);
  if (d instanceof Error) return { parsed: false, error: d };
  if (d.group !== '' || d.kind !== 'PodList') {
    return { parsed: false, error: new Error(`invalid pods list: ${goObjectDump(d)}`) };
  }
  const items = Array.isArray(d.object['items']) ? (d.object['items'] as Pod[]) : [];
  const pods: Pod[] = [];
  for (const raw of items) {
    const pod = { apiVersion: 'v1', kind: 'Pod', ...raw } as Pod;
    defaultDecodedPod(pod);
    const r = finishPod(pod, source, nodeName);
    if ('error' in r) return r;
    pods.push(r.value);
  }
  return { parsed: true, value: pods };
}

function text(content: Buffer | string): string {
  if (content.length > MAX_CONFIG_LENGTH) throw new Error(READ_LIMIT_REACHED);
  return typeof content === 'string' ? content : content.toString('utf8');
}

/**
 * One static pod from a manifest. For a file, data that is not a pod at all fails with
 * `<file>: couldn't parse as pod(<err>), please check config file` (file.go extractFromFile).
 */
export function decodeStaticPod(
  content: Buffer | string,
  source: ManifestSource,
  nodeName: string,
): Pod {
  const r = tryDecodeSinglePod(text(content), source, nodeName);
  if ('value' in r) return r.value;
  if (!r.parsed && source.kind === 'file') {
    throw new Error(
      `${source.path}: couldn't parse as pod(${r.error.message}), please check config file`,
      {
        cause: r.error,
      },
    );
  }
  throw r.error;
}

/** The pods of a manifest URL's body: a single pod first, else a PodList (http.go extractFromURL). */
export function decodePodList(content: Buffer | string, url: string, nodeName: string): Pod[] {
  const data = text(content);
  const source: ManifestSource = { kind: 'http', url };
  const single = tryDecodeSinglePod(data, source, nodeName);
  if ('value' in single) return [single.value];
  if (single.parsed) throw single.error;
  const list = tryDecodePodList(data, source, nodeName);
  if ('value' in list) return list.value;
  if (list.parsed) throw list.error;
  throw new Error(
    `${url}: received '${data}', but couldn't parse as single (${single.error.message}) or multiple pods (${list.error.message})`,
  );
}
