export { ApiServer } from './server.js';
export type { ApiServerOptions } from './server.js';
export { parseTokenFile } from './auth/token-file.js';
export { APISERVER_FLAGS } from './options.js';
export { APISERVER_ENV, APISERVER_NODE_FLAGS } from './runtime-flags.js';
