/**
 * SelfSubjectAccessReview and SelfSubjectRulesReview: what `kubectl auth can-i` asks. Answers
 * come from the same authorizer that guards every request.
 */
import type { ApiObject } from '@kubelab/api';
import { decodeObject, readBody } from './body.js';
import type { ApiRequest } from './handler-context.js';
import { writeJson } from './responses.js';

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

export async function handleSelfSubjectAccessReview(r: ApiRequest): Promise<void> {
  const body = await readBody(r.req);
  const review = decodeObject(body, r.req.headers['content-type'], { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectAccessReview' });
  const spec = (review.spec ?? {}) as { resourceAttributes?: ResourceAttributes; nonResourceAttributes?: { path?: string; verb?: string } };
  const ra = spec.resourceAttributes;
  const decision = r.deps.authorizer.authorize({
    user: r.ctx.user,
    verb: ra?.verb ?? spec.nonResourceAttributes?.verb ?? '',
    isResourceRequest: !!ra,
    path: spec.nonResourceAttributes?.path ?? '',
    group: ra?.group ?? '',
    resource: ra?.resource ?? '',
    subresource: ra?.subresource ?? '',
    namespace: ra?.namespace ?? '',
    name: ra?.name ?? '',
  });
  const status: Record<string, unknown> = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  const out: ApiObject = { ...review, metadata: { ...review.metadata, creationTimestamp: undefined }, status };
  delete out.metadata?.creationTimestamp;
  writeJson(r.res, 201, out);
}

export async function handleSelfSubjectRulesReview(r: ApiRequest): Promise<void> {
  const body = await readBody(r.req);
  const review = decodeObject(body, r.req.headers['content-type'], { group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectRulesReview' });
  const ns = ((review.spec ?? {}) as { namespace?: string }).namespace ?? '';
  const rules = r.deps.authorizer.rulesFor(r.ctx.user, ns);
  const out: ApiObject = { ...review, status: { ...rules, incomplete: false } };
  delete out.metadata?.creationTimestamp;
  writeJson(r.res, 201, out);
}
