/** The model of one documented REST operation, shared by the OpenAPI v3 and v2 renderers. */
import type { GroupVersionKind } from '../schema/index.js';
import type { QueryParameter } from './query-parameters.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type KubernetesAction =
  'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection' | 'connect';

export const STATUS_SCHEMA = 'io.k8s.apimachinery.pkg.apis.meta.v1.Status';
export const DELETE_OPTIONS_SCHEMA = 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions';

export interface ApiOperation {
  method: HttpMethod;
  operationId: string;
  action: KubernetesAction;
  description: string;
  tag: string;
  gvk: GroupVersionKind;
  query: readonly QueryParameter[];
  /** Schema name of the request body (POST, PUT, DELETE options); PATCH declares none on purpose. */
  requestBody?: string;
  /** Schema name of the response, `text` for log/connect streams; `stream` adds watch media types. */
  response: {
    schema?: string;
    text?: boolean;
    stream?: boolean;
    codes: readonly ('200' | '201' | '202')[];
  };
}

export interface PathParameter {
  name: 'namespace' | 'name';
  description: string;
}

export interface ApiPath {
  path: string;
  /** Path parameters (`name`, `namespace`) with their descriptions. */
  pathParameters: PathParameter[];
  operations: ApiOperation[];
}
