/**
 * What every controller is built from (the controller-manager's ControllerContext): clients,
 * the shared informers, an event recorder per component, an injected clock and logger.
 */
import type { Clock, Logger } from '@kubelab/api';
import type { ClientSet } from './client-set.js';
import type { EventRecorder } from './event-recorder.js';
import type { SharedInformerFactory } from './informer-factory.js';

export interface ControllerContext {
  clients: ClientSet;
  informers: SharedInformerFactory;
  clock: Clock;
  logger: Logger;
  /** An event recorder whose events name this component (`deployment-controller` ...). */
  recorder(component: string): EventRecorder;
}
