/**
 * The operations of a subresource: status and scale (get/put/patch), eviction and binding
 * (post), log (a text stream) and the connect subresources (exec: GET and POST upgrades).
 */
import type { SubresourceInfo } from '@kubelab/api';
import type { ResourceInfo } from '@kubelab/api';
import { schemaNameForKind } from '../schema/index.js';
import type { ApiOperation } from './api-operation.js';
import {
  article,
  groupVersionPrefix,
  groupVersionTag,
  subresourceSuffix,
} from './operation-names.js';
import { QUERY_PARAMETERS } from './query-parameters.js';

export function subresourceOps(info: ResourceInfo, sub: SubresourceInfo): ApiOperation[] {
  const ctx = {
    prefix: groupVersionPrefix(info.group, info.version),
    tag: groupVersionTag(info.group, info.version),
    ns: info.namespaced ? 'Namespaced' : '',
  };
  const gvk = {
    group: sub.group ?? info.group,
    version: sub.version ?? info.version,
    kind: sub.kind,
  };
  const schema = schemaNameForKind(gvk);
  const id = `${ctx.prefix}${ctx.ns}${info.kind}${subresourceSuffix(sub.name)}`;
  const base = { tag: ctx.tag, gvk };
  const ops: ApiOperation[] = [];
  // Connect subresources (exec, attach, portforward, proxy) answer with a stream, not an object.
  if (sub.kind.endsWith('Options')) {
    for (const [verb, method, word] of [
      ['get', 'get', 'Get'],
      ['create', 'post', 'Post'],
    ] as const) {
      if (sub.verbs.includes(verb))
        ops.push({
          ...base,
          method,
          action: 'connect',
          operationId: `connect${ctx.prefix}${word}${ctx.ns}${info.kind}${subresourceSuffix(sub.name)}`,
          description: `connect ${word.toUpperCase()} requests to ${sub.name} of ${info.kind}`,
          query: sub.name === 'exec' ? QUERY_PARAMETERS.exec : [],
          response: { text: true, codes: ['200'] },
        });
    }
    return ops;
  }
  if (sub.name === 'log') {
    return [
      {
        ...base,
        method: 'get',
        action: 'get',
        operationId: `read${id}`,
        description: `read log of the specified ${info.kind}`,
        query: QUERY_PARAMETERS.log,
        response: { text: true, codes: ['200'] },
      },
    ];
  }
  const of = `${sub.name} of`;
  if (sub.verbs.includes('get'))
    ops.push({
      ...base,
      method: 'get',
      action: 'get',
      operationId: `read${id}`,
      description: `read ${of} the specified ${info.kind}`,
      query: QUERY_PARAMETERS.get,
      response: { schema, codes: ['200'] },
    });
  if (sub.verbs.includes('create'))
    ops.push({
      ...base,
      method: 'post',
      action: 'post',
      operationId: `create${id}`,
      description: `create ${of} ${article(info.kind)} ${info.kind}`,
      query: QUERY_PARAMETERS.create,
      requestBody: schema,
      response: { schema, codes: ['200', '201', '202'] },
    });
  if (sub.verbs.includes('update'))
    ops.push({
      ...base,
      method: 'put',
      action: 'put',
      operationId: `replace${id}`,
      description: `replace ${of} the specified ${info.kind}`,
      query: QUERY_PARAMETERS.update,
      requestBody: schema,
      response: { schema, codes: ['200', '201'] },
    });
  if (sub.verbs.includes('patch'))
    ops.push({
      ...base,
      method: 'patch',
      action: 'patch',
      operationId: `patch${id}`,
      description: `partially update ${of} the specified ${info.kind}`,
      query: QUERY_PARAMETERS.patch,
      response: { schema, codes: ['200', '201'] },
    });
  return ops;
}
