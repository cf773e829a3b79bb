export {
  KUBE_CONTROLLER_MANAGER,
  runKubeControllerManager,
} from './app/kube-controller-manager.js';
export {
  KCM_FLAGS,
  kcmOptionsFromFlags,
  validateKcmFlags,
  type KubeControllerManagerOptions,
} from './app/options.js';
export {
  DISABLED_BY_DEFAULT,
  KNOWN_CONTROLLERS,
  canonicalControllerName,
  isControllerEnabled,
} from './app/controller-names.js';
export {
  CONTROLLER_FACTORIES,
  ControllerManager,
  type ControllerManagerOptions,
} from './controller-manager.js';
export type { Controller } from './framework/controller.js';
export type { ControllerContext } from './framework/controller-context.js';
export { restClientSet, type ClientSet } from './framework/client-set.js';
export { SharedInformerFactory } from './framework/informer-factory.js';
export {
  objectReference,
  referenceRecorder,
  type EventRecorder,
  type EventType,
} from './framework/event-recorder.js';
export { ReplicaSetController } from './controllers/replicaset/replica-set-controller.js';
export { DeploymentController } from './controllers/deployment/deployment-controller.js';
export { DaemonSetController } from './controllers/daemonset/daemonset-controller.js';
export { GarbageCollector } from './controllers/garbagecollector/garbage-collector.js';
export { NamespaceController } from './controllers/namespace/namespace-controller.js';
export { ServiceAccountsController } from './controllers/serviceaccount/serviceaccounts-controller.js';
export {
  DEFAULT_NODE_LIFECYCLE_OPTIONS,
  NodeLifecycleController,
  type NodeLifecycleOptions,
} from './controllers/nodelifecycle/node-lifecycle-controller.js';
export { TaintEvictionController } from './controllers/tainteviction/taint-eviction-controller.js';
export { computeHash, POD_TEMPLATE_HASH_LABEL } from './util/pod-template-hash/compute-hash.js';
