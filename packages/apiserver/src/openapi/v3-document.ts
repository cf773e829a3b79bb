/**
 * Renders the OpenAPI v3 document of one group version (`/openapi/v3/api/v1`,
 * `/openapi/v3/apis/apps/v1`): the paths of its resources and every schema they reach.
 *
 * PATCH operations carry `fieldValidation` (so kubectl sends `fieldValidation=Strict` and
 * leaves validation to the server) but deliberately no `requestBody`: declaring
 * `application/strategic-merge-patch+json` would make kubectl compute strategic merge patches
 * from these schemas instead of from its compiled-in types.
 */
import { KUBERNETES_GIT_VERSION } from '../discovery/version-info.js';
import { schemaClosure, getSchema, schemaRef } from '../schema/index.js';
import type { OpenApiSchema } from '../schema/index.js';
import type { ApiOperation, ApiPath } from './api-operation.js';
import type { QueryParameter } from './query-parameters.js';
import { PRETTY } from './query-parameters.js';

const OBJECT_MEDIA_TYPES = [
  'application/json',
  'application/vnd.kubernetes.protobuf',
  'application/yaml',
];
const WATCH_MEDIA_TYPES = [
  'application/json;stream=watch',
  'application/vnd.kubernetes.protobuf;stream=watch',
];
const RESPONSE_DESCRIPTIONS = { '200': 'OK', '201': 'Created', '202': 'Accepted' } as const;

export function v3Document(paths: ApiPath[]): object {
  const referenced = new Set<string>();
  const renderedPaths: Record<string, object> = {};
  for (const p of paths) renderedPaths[p.path] = pathItem(p, referenced);
  const schemas: Record<string, OpenApiSchema> = {};
  for (const name of schemaClosure(referenced)) {
    const schema = getSchema(name);
    if (schema) schemas[name] = schema;
  }
  return {
    components: {
      schemas,
      securitySchemes: {
        BearerToken: {
          description: 'Bearer Token authentication',
          in: 'header',
          name: 'authorization',
          type: 'apiKey',
        },
      },
    },
    info: { title: 'Kubernetes', version: KUBERNETES_GIT_VERSION },
    openapi: '3.0.0',
    paths: renderedPaths,
    security: [{ BearerToken: [] }],
  };
}

function pathItem(p: ApiPath, referenced: Set<string>): object {
  const item: Record<string, unknown> = {
    parameters: [
      ...p.pathParameters.map((param) => ({
        description: param.description,
        in: 'path',
        name: param.name,
        required: true,
        schema: { type: 'string', uniqueItems: true },
      })),
      parameter(PRETTY),
    ],
  };
  for (const op of p.operations) item[op.method] = operation(op, referenced);
  return item;
}

function operation(op: ApiOperation, referenced: Set<string>): object {
  const out: Record<string, unknown> = {
    description: op.description,
    operationId: op.operationId,
    responses: responses(op, referenced),
    tags: [op.tag],
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': op.gvk,
  };
  if (op.query.length > 0) out.parameters = op.query.map(parameter);
  if (op.requestBody) {
    referenced.add(op.requestBody);
    out.requestBody = {
      content: { '*/*': { schema: { $ref: schemaRef(op.requestBody) } } },
      required: op.method !== 'delete',
    };
  }
  return out;
}

function responses(op: ApiOperation, referenced: Set<string>): object {
  const { schema, text, stream } = op.response;
  let content: Record<string, object> | undefined;
  if (text)
    content = { [op.action === 'connect' ? '*/*' : 'text/plain']: { schema: { type: 'string' } } };
  else if (schema) {
    referenced.add(schema);
    const types = stream
      ? [...OBJECT_MEDIA_TYPES, ...WATCH_MEDIA_TYPES].sort()
      : OBJECT_MEDIA_TYPES;
    content = Object.fromEntries(types.map((t) => [t, { schema: { $ref: schemaRef(schema) } }]));
  }
  const out: Record<string, object> = {};
  for (const code of op.response.codes)
    out[code] = { ...(content ? { content } : {}), description: RESPONSE_DESCRIPTIONS[code] };
  out['401'] = { description: 'Unauthorized' };
  return out;
}

function parameter(p: QueryParameter): object {
  return {
    description: p.description,
    in: 'query',
    name: p.name,
    schema: { type: p.type, uniqueItems: true },
  };
}
