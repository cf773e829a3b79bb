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

interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  uid?: string;
  groups?: string[];
}

/** SelfSubjectAccessReview (the caller), SubjectAccessReview (anyone: the kubelet's webhook
 * authorizer asks it), LocalSubjectAccessReview (anyone, in the URL's namespace). */
export async function handleAccessReview(r: ApiRequest): Promise<void> {
  const kind = r.resource.kind;
  const body = await readBody(r.req);
  const review = decodeObject(body, r.req.headers['content-type'], { group: 'authorization.k8s.io', version: 'v1', kind });
  const spec = (review.spec ?? {}) as AccessReviewSpec;
  const self = kind === 'SelfSubjectAccessReview';
  const user = self ? r.ctx.user : { name: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [] };
  const ra = spec.resourceAttributes;
  if (ra && kind === 'LocalSubjectAccessReview') ra.namespace = r.ctx.namespace;
  const decision = r.deps.authorizer.authorize({
    user,
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

/** TokenReview: who a bearer token belongs to (the kubelet's webhook authenticator asks). */
export async function handleTokenReview(r: ApiRequest): Promise<void> {
  const body = await readBody(r.req);
  const review = decodeObject(body, r.req.headers['content-type'], { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenReview' });
  const token = ((review.spec ?? {}) as { token?: string }).token ?? '';
  const user = r.deps.authenticator.authenticate(`Bearer ${token}`);
  const status = user
    ? { authenticated: true, user: { username: user.name, uid: user.uid ?? '', groups: user.groups }, audiences: ['https://kubernetes.default.svc.cluster.local'] }
    : { user: {}, error: 'invalid bearer token' };
  const out: ApiObject = { ...review, spec: { ...(review.spec as object), token }, status };
  delete out.metadata?.creationTimestamp;
  writeJson(r.res, 201, out);
}

/** SelfSubjectReview: `kubectl auth whoami`. */
export async function handleSelfSubjectReview(r: ApiRequest): Promise<void> {
  const body = await readBody(r.req);
  const review = decodeObject(body, r.req.headers['content-type'], { group: 'authentication.k8s.io', version: 'v1', kind: 'SelfSubjectReview' });
  const u = r.ctx.user;
  const userInfo: Record<string, unknown> = { username: u.name, groups: u.groups };
  if (u.uid) userInfo.uid = u.uid;
  const out: ApiObject = { ...review, status: { userInfo } };
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
