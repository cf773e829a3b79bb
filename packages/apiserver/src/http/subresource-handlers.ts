/** Subresources that are not plain reads and writes of the object: binding, eviction, scale. */
import type { ApiObject, Binding, DeleteOptions } from '@kubelab/api';
import { badRequest, groupVersion } from '@kubelab/api';
import { requestManager, withScaleManagedFields } from '../fieldmanager/index.js';
import { applyPatch, patchTypeFromContentType } from '../patch/index.js';
import { bindPod } from '../registry/pods/binding.js';
import { applyScale, scaleOf } from '../registry/workloads/scale.js';
import { decodeObject, parseBodyValue, readBody } from './body.js';
import type { ApiRequest } from './handler-context.js';
import { mustStore } from './object-handlers.js';
import { successStatus, writeJson } from './responses.js';

export async function handleBinding(r: ApiRequest, podName: string): Promise<void> {
  const pods = r.deps.registry.mustStore('', 'pods');
  const body = await readBody(r.req);
  const binding = decodeObject(body, r.req.headers['content-type'], { group: '', version: 'v1', kind: 'Binding' }) as unknown as Binding;
  await bindPod(pods, r.ctx, podName, binding, r.deps.clock);
  writeJson(r.res, 201, successStatus(201));
}

export async function handleEviction(r: ApiRequest): Promise<void> {
  const pods = mustStore(r);
  const body = await readBody(r.req);
  const parsed = parseBodyValue(body, r.req.headers['content-type']) as { apiVersion?: string; metadata?: { name?: string }; deleteOptions?: DeleteOptions };
  if (parsed.apiVersion && !['policy/v1', 'policy/v1beta1'].includes(parsed.apiVersion)) {
    throw badRequest(`the API version in the data (${parsed.apiVersion}) does not match the expected API version (policy/v1)`);
  }
  if (parsed.metadata?.name && parsed.metadata.name !== r.info.name) {
    throw badRequest('name in URL does not match name in Eviction object');
  }
  // kubectl drain --dry-run=server puts dryRun into the eviction's DeleteOptions.
  const dryRun = parsed.deleteOptions?.dryRun;
  const ctx = dryRun && dryRun.length > 0 ? { ...r.ctx, dryRun: true } : r.ctx;
  await pods.delete(ctx, r.info.name, parsed.deleteOptions ?? {});
  writeJson(r.res, 201, successStatus(201));
}

export async function handleScale(r: ApiRequest): Promise<void> {
  const store = mustStore(r);
  if (r.info.verb === 'get') {
    writeJson(r.res, 200, scaleOf(store.getObject(r.ctx.namespace, r.info.name)));
    return;
  }
  const body = await readBody(r.req);
  const ct = r.req.headers['content-type'];
  let update: (cur: ApiObject) => ApiObject;
  if (r.info.verb === 'update') {
    const scale = decodeObject(body, ct, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
    update = (cur) => applyScale(cur, scale as Parameters<typeof applyScale>[1]);
  } else {
    const type = patchTypeFromContentType(ct ?? '');
    if (!type || type === 'apply') throw badRequest(`unsupported patch type for scale: ${ct ?? ''}`);
    const patch = parseBodyValue(body, ct);
    update = (cur) => {
      const next = applyPatch(type, scaleOf(cur), patch, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
      return applyScale(cur, next as Parameters<typeof applyScale>[1]);
    };
  }
  const manager = requestManager({
    options: r.info.verb === 'update' ? 'UpdateOptions' : 'PatchOptions',
    fieldManager: r.query.get('fieldManager'),
    userAgent: r.req.headers['user-agent'],
  });
  const tracked = withScaleManagedFields(update, { manager, clock: r.deps.clock, parentVersion: groupVersion(r.resource) });
  const { item } = await store.update(r.ctx, r.info.name, (cur) => tracked(cur as ApiObject));
  writeJson(r.res, 200, scaleOf(JSON.parse(item.json) as ApiObject));
}
