export {
  ERR_NOT_IN_CLUSTER,
  inClusterConnection,
  loadComponentConnection,
  type ComponentKubeconfigs,
  type KubeconfigOrder,
} from './component-kubeconfig.js';
export { createComponentLogger, type ComponentLogger, type ComponentLoggerOptions } from './component-logger.js';
export {
  componentFlagSpecs,
  componentOptionsFromFlags,
  validateComponentOptions,
  type ComponentDefaults,
  type ComponentOptions,
} from './component-options.js';
export { aggregateMessage, componentUsage, flagValueString, goDuration } from './component-usage.js';
export { EventCorrelator, eventKey, COMBINED_PREFIX, type CorrelationResult } from './event-correlator.js';
export {
  createEventRecorder,
  objectReference,
  type EventObject,
  type EventRecorder,
  type EventRecorderOptions,
  type EventType,
} from './event-recorder.js';
export { createApiEventSink, type EventSink } from './event-sink.js';
export { healthResponse, LOG_CHECK, PING_CHECK, type HealthCheck, type HealthResponse } from './health-checks.js';
export { startHealthServer, type HealthChecks, type HealthServer, type HealthServerOptions } from './health-server.js';
export {
  COMPONENT_VERSION,
  MAX_TOLERABLE_EXPIRED_LEASE_MS,
  runComponent,
  type ComponentContext,
  type ComponentInstance,
  type ComponentIO,
  type ComponentSpec,
  type RunComponentOptions,
} from './run-component.js';
export { selfSignedServingCertificate, servingCertificate } from './serving-certificate.js';
