export type { ApiOperation, ApiPath, HttpMethod, KubernetesAction } from './api-operation.js';
export { apiPaths } from './api-operations.js';
export { OPENAPI_V2_PROTOBUF_CONTENT_TYPE, openApiV2Protobuf } from './openapi-v2.js';
export type { OpenApiV3Document } from './openapi-v3.js';
export { openApiV3Document, openApiV3Root, warmOpenApiV3 } from './openapi-v3.js';

import { openApiV2Protobuf } from './openapi-v2.js';
import { warmOpenApiV3 } from './openapi-v3.js';

/** Renders and serialises every OpenAPI document (v3 and v2) ahead of the first request. */
export function warmOpenApi(): void {
  warmOpenApiV3();
  openApiV2Protobuf();
}
