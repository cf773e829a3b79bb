/**
 * The REST operations of one group version, derived from the resource table: what both the
 * OpenAPI v3 documents and the OpenAPI v2 protobuf describe.
 */
import type { ResourceInfo, Verb } from '@kubelab/api';
import { resourcesOf } from '../discovery/served-groups.js';
import type { GroupVersionKind } from '../schema/index.js';
import { schemaNameForKind } from '../schema/index.js';
import type { ApiOperation, ApiPath } from './api-operation.js';
import { DELETE_OPTIONS_SCHEMA, STATUS_SCHEMA } from './api-operation.js';
import { article, groupVersionPrefix, groupVersionTag } from './operation-names.js';
import { QUERY_PARAMETERS } from './query-parameters.js';
import { subresourceOps } from './subresource-operations.js';

/** Every path of a group version, sorted by path. */
export function apiPaths(group: string, version: string): ApiPath[] {
  return resourcesOf(group, version)
    .flatMap((info) => resourcePaths(info))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface Ctx {
  info: ResourceInfo;
  prefix: string;
  tag: string;
  ns: string;
}

function resourcePaths(info: ResourceInfo): ApiPath[] {
  const ctx: Ctx = {
    info,
    prefix: groupVersionPrefix(info.group, info.version),
    tag: groupVersionTag(info.group, info.version),
    ns: info.namespaced ? 'Namespaced' : '',
  };
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const collection = info.namespaced
    ? `${base}/namespaces/{namespace}/${info.plural}`
    : `${base}/${info.plural}`;
  const nsParam = info.namespaced
    ? [
        {
          name: 'namespace' as const,
          description: 'object name and auth scope, such as for teams and projects',
        },
      ]
    : [];
  const nameParam = (subject: string) => ({
    name: 'name' as const,
    description: `name of the ${subject}`,
  });
  const has = (v: Verb) => info.verbs.includes(v);
  const gvk = { group: info.group, version: info.version, kind: info.kind };
  const self = schemaNameForKind(gvk);
  const list = schemaNameForKind({ ...gvk, kind: info.listKind });
  const K = info.kind;
  const op = (o: Omit<ApiOperation, 'tag' | 'gvk'> & { gvk?: GroupVersionKind }): ApiOperation => ({
    tag: ctx.tag,
    gvk,
    ...o,
  });

  const collectionOps: ApiOperation[] = [];
  if (has('list'))
    collectionOps.push(
      op({
        method: 'get',
        action: 'list',
        operationId: `list${ctx.prefix}${ctx.ns}${K}`,
        description: `list or watch objects of kind ${K}`,
        query: QUERY_PARAMETERS.list,
        response: { schema: list, stream: true, codes: ['200'] },
      }),
    );
  if (has('create'))
    collectionOps.push(
      op({
        method: 'post',
        action: 'post',
        operationId: `create${ctx.prefix}${ctx.ns}${K}`,
        description: `create ${article(K)} ${K}`,
        query: QUERY_PARAMETERS.create,
        requestBody: self,
        response: { schema: self, codes: ['200', '201', '202'] },
      }),
    );
  if (has('deletecollection'))
    collectionOps.push(
      op({
        method: 'delete',
        action: 'deletecollection',
        operationId: `delete${ctx.prefix}Collection${ctx.ns}${K}`,
        description: `delete collection of ${K}`,
        query: QUERY_PARAMETERS.deletecollection,
        requestBody: DELETE_OPTIONS_SCHEMA,
        response: { schema: STATUS_SCHEMA, codes: ['200'] },
      }),
    );

  const objectOps: ApiOperation[] = [];
  if (has('get'))
    objectOps.push(
      op({
        method: 'get',
        action: 'get',
        operationId: `read${ctx.prefix}${ctx.ns}${K}`,
        description: `read the specified ${K}`,
        query: QUERY_PARAMETERS.get,
        response: { schema: self, codes: ['200'] },
      }),
    );
  if (has('update'))
    objectOps.push(
      op({
        method: 'put',
        action: 'put',
        operationId: `replace${ctx.prefix}${ctx.ns}${K}`,
        description: `replace the specified ${K}`,
        query: QUERY_PARAMETERS.update,
        requestBody: self,
        response: { schema: self, codes: ['200', '201'] },
      }),
    );
  if (has('patch'))
    objectOps.push(
      op({
        method: 'patch',
        action: 'patch',
        operationId: `patch${ctx.prefix}${ctx.ns}${K}`,
        description: `partially update the specified ${K}`,
        query: QUERY_PARAMETERS.patch,
        response: { schema: self, codes: ['200', '201'] },
      }),
    );
  if (has('delete'))
    objectOps.push(
      op({
        method: 'delete',
        action: 'delete',
        operationId: `delete${ctx.prefix}${ctx.ns}${K}`,
        description: `delete ${article(K)} ${K}`,
        query: QUERY_PARAMETERS.delete,
        requestBody: DELETE_OPTIONS_SCHEMA,
        response: { schema: STATUS_SCHEMA, codes: ['200', '202'] },
      }),
    );

  const paths: ApiPath[] = [];
  if (collectionOps.length > 0)
    paths.push({ path: collection, pathParameters: nsParam, operations: collectionOps });
  if (objectOps.length > 0)
    paths.push({
      path: `${collection}/{name}`,
      pathParameters: [nameParam(K), ...nsParam],
      operations: objectOps,
    });
  if (info.namespaced && has('list')) {
    paths.push({
      path: `${base}/${info.plural}`,
      pathParameters: [],
      operations: [
        op({
          method: 'get',
          action: 'list',
          operationId: `list${ctx.prefix}${K}ForAllNamespaces`,
          description: `list or watch objects of kind ${K}`,
          query: QUERY_PARAMETERS.list,
          response: { schema: list, stream: true, codes: ['200'] },
        }),
      ],
    });
  }
  for (const sub of info.subresources) {
    paths.push({
      path: `${collection}/{name}/${sub.name}`,
      pathParameters: [nameParam(sub.kind), ...nsParam],
      operations: subresourceOps(info, sub),
    });
  }
  return paths;
}
