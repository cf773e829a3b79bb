/**
 * `/openapi/v2` as the gnostic `openapi.v2.Document` protobuf (the only form kubectl reads;
 * JSON is rejected). kubectl 1.27/1.28 fetch it before `apply`, `create -f`, `replace` and
 * `explain` and fail without it; they then look for a PATCH operation carrying the kind's
 * `x-kubernetes-group-version-kind` and a `fieldValidation` query parameter (to send
 * `fieldValidation=Strict`), and `explain` renders from OpenAPI v3.
 *
 * The document has paths but no definitions, on purpose: kubectl computes a client-side
 * apply's strategic merge patch from v2 definitions when it finds the kind there, and falls
 * back to its compiled-in types (which know every patch strategy) when it does not.
 *
 * Field numbers: github.com/google/gnostic openapiv2/OpenAPIv2.proto.
 */
import { KUBERNETES_GIT_VERSION } from '../discovery/version-info.js';
import { servedGroups } from '../discovery/served-groups.js';
import type { ApiOperation, ApiPath } from './api-operation.js';
import { apiPaths } from './api-operations.js';
import type { ProtoMessage } from './protobuf-message.js';
import { encodeMessage } from './protobuf-message.js';
import type { QueryParameter } from './query-parameters.js';
import { PRETTY } from './query-parameters.js';

/** The Content-Type kubectl accepts (dots; the `@` form of its Accept header breaks Go's mime parser). */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE =
  'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];
const RESPONSE_DESCRIPTIONS = { '200': 'OK', '201': 'Created', '202': 'Accepted' } as const;
const METHOD_FIELDS = { get: 2, put: 3, post: 4, delete: 5, patch: 8 } as const;

let cached: Buffer | undefined;

export function openApiV2Protobuf(): Buffer {
  cached ??= encodeMessage(v2Document());
  return cached;
}

function v2Document(): ProtoMessage {
  const paths = servedGroups()
    .flatMap((g) => g.versions.flatMap((v) => apiPaths(g.name, v)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [
    [1, '2.0'],
    [
      2,
      [
        [1, 'Kubernetes'],
        [2, KUBERNETES_GIT_VERSION],
      ],
    ],
    [
      8,
      paths.map((p): [number, ProtoMessage] => [
        2,
        [
          [1, p.path],
          [2, pathItem(p)],
        ],
      ]),
    ],
  ];
}

function pathItem(p: ApiPath): ProtoMessage {
  const fields: [number, ProtoMessage][] = p.operations.map((op) => [
    METHOD_FIELDS[op.method],
    operation(op),
  ]);
  for (const param of p.pathParameters) {
    // ParametersItem.parameter -> Parameter.non_body_parameter -> path_parameter_sub_schema
    const sub: ProtoMessage = [
      [1, true],
      [2, 'path'],
      [3, param.description],
      [4, param.name],
      [5, 'string'],
      [19, true],
    ];
    fields.push([9, [[1, [[2, [[4, sub]]]]]]]);
  }
  fields.push([9, queryParameter(PRETTY)]);
  return fields;
}

function operation(op: ApiOperation): ProtoMessage {
  const message: [number, string | boolean | ProtoMessage][] = [
    [1, op.tag],
    [3, op.description],
    [5, op.operationId],
  ];
  for (const produces of [
    'application/json',
    'application/yaml',
    'application/vnd.kubernetes.protobuf',
  ])
    message.push([6, produces]);
  for (const consumes of op.method === 'patch' ? PATCH_TYPES : ['*/*']) message.push([7, consumes]);
  for (const q of op.query) message.push([8, queryParameter(q)]);
  // Responses { response_code: NamedResponseValue { name, ResponseValue { response: Response { description } } } }
  message.push([
    9,
    op.response.codes.map((code): [number, ProtoMessage] => [
      1,
      [
        [1, code],
        [2, [[1, [[1, RESPONSE_DESCRIPTIONS[code]]]]]],
      ],
    ]),
  ]);
  message.push([10, 'https']);
  message.push([13, namedAny('x-kubernetes-action', `${op.action}\n`)]);
  const gvk = `group: ${yamlString(op.gvk.group)}\nkind: ${yamlString(op.gvk.kind)}\nversion: ${yamlString(op.gvk.version)}\n`;
  message.push([13, namedAny('x-kubernetes-group-version-kind', gvk)]);
  return message;
}

/** ParametersItem.parameter -> Parameter.non_body_parameter -> query_parameter_sub_schema. */
function queryParameter(q: QueryParameter): ProtoMessage {
  const sub: ProtoMessage = [
    [2, 'query'],
    [3, q.description],
    [4, q.name],
    [6, q.type],
    [20, true],
  ];
  return [[1, [[2, [[3, sub]]]]]];
}

/** NamedAny { name, value: Any { yaml } }. */
function namedAny(name: string, yaml: string): ProtoMessage {
  return [
    [1, name],
    [2, [[2, yaml]]],
  ];
}

/** A YAML scalar as Go's yaml marshaller writes it: empty strings quoted, simple words bare. */
function yamlString(s: string): string {
  return /^[A-Za-z][A-Za-z0-9.\-_]*$/.test(s) ? s : JSON.stringify(s);
}
