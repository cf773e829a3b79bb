/**
 * Authentication and authorization of every kubelet API request but /healthz
 * (Server.InstallAuthFilter): 401 "Unauthorized" when nobody could be identified, 403
 * "Forbidden (user=..., verb=..., resource=nodes, subresource(s)=[...])" when no attribute is
 * allowed, 500 "Authorization error ..." when the authorizer fails.
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '@kubelab/api';
import { ApiError } from '@kubelab/api';
import type { AuthenticatorOptions } from './kubelet-authenticator.js';
import { authenticateRequest } from './kubelet-authenticator.js';
import type { KubeletRequestAttributes, KubeletUser } from './kubelet-server-options.js';
import { requestSubresources, requestVerb } from './request-attributes.js';

export interface AuthFilterOptions extends AuthenticatorOptions {
  nodeName: string;
  authorize?: (attrs: KubeletRequestAttributes) => Promise<boolean>;
  logger: Logger;
}

export async function authorizeKubeletRequest(req: IncomingMessage, path: string, opts: AuthFilterOptions): Promise<KubeletUser> {
  let user: KubeletUser | undefined;
  try {
    user = await authenticateRequest(req, opts);
  } catch (err) {
    opts.logger.error('Unable to authenticate the request due to an error', err);
  }
  if (!user) throw new ApiError('Unauthorized', 'Unauthorized');
  const verb = requestVerb(req.method ?? 'GET');
  const subresources = requestSubresources(path);
  if (!opts.authorize) return user;
  const described = `user=${user.name}, verb=${verb}, resource=nodes, subresource(s)=[${subresources.join(' ')}]`;
  for (const subresource of subresources) {
    let allowed: boolean;
    try {
      allowed = await opts.authorize({ user, verb, resource: 'nodes', subresource, name: opts.nodeName, path });
    } catch (err) {
      opts.logger.error('Authorization error', err, { user: user.name, verb, subresource });
      throw new ApiError('InternalError', `Authorization error (${described})`);
    }
    if (allowed) return user;
  }
  opts.logger.debug('Forbidden', { user: user.name, verb, resource: 'nodes', subresources });
  throw new ApiError('Forbidden', `Forbidden (${described})`);
}
