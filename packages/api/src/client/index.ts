export type { ClusterConnection } from './cluster-connection.js';
export { connectionError, type ConnectionError, type QueryValue } from './http-transport.js';
export type {
  DeleteOptions,
  GetOptions,
  KubeObject,
  ListerWatcher,
  ListOptions,
  ObjectList,
  PatchOptions,
  PatchType,
  ResourceClient,
  WatchOptions,
  WriteOptions,
} from './resource-client.js';
export { errorFromResponse, isStatus, type RequestContext } from './response-error.js';
export {
  createRestClient,
  defaultUserAgent,
  type RequestOptions,
  type RestClient,
  type RestClientOptions,
  type WatchRequest,
} from './rest-client.js';
export { PATCH_CONTENT_TYPES } from './rest-resource-client.js';
export { decodeWatchEvent, decodeWatchStream, LineSplitter } from './watch-stream.js';
