export type { KubeletServer, KubeletServerAddresses } from './kubelet-server.js';
export { createKubeletServer } from './kubelet-server.js';
export type {
  ContainerLogTarget,
  ContainerRef,
  ExecStreamOptions,
  HealthCheck,
  KubeletRequestAttributes,
  KubeletServerOptions,
  KubeletUser,
  LogReader,
  PodStreamRef,
} from './kubelet-server-options.js';
export type { LogInstance } from './container-log-status.js';
export { validateContainerLogStatus } from './container-log-status.js';
export { containerNotFoundInPod, execContainerNotFound, podDoesNotExist, podNotFoundForLogs } from './kubelet-errors.js';
export { requestSubresources, requestVerb } from './request-attributes.js';
