export { applyDefaults } from './registry.js';
export { defaultPod, defaultPodSpec } from './pod.js';
export { defaultContainer, defaultProbe } from './container.js';
export { defaultVolume } from './volumes.js';
export { defaultPullPolicy, imageTag, parseImageReference } from './image-pull-policy.js';
export { defaultResourceList } from './resource-list.js';
export { defaultDeployment } from './deployment.js';
export { defaultReplicaSet } from './replicaset.js';
export { defaultDaemonSet } from './daemonset.js';
export {
  CONTROLLER_UID_LABEL,
  defaultJob,
  generateJobSelector,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
} from './job.js';
export { defaultCronJob } from './cronjob.js';
export { defaultService } from './service.js';
export { defaultEndpoints } from './endpoints.js';
export { defaultSecret } from './secret.js';
export { defaultNamespace, NAMESPACE_NAME_LABEL } from './namespace.js';
export { defaultNode } from './node.js';
