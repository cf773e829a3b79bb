/** Which printer serves which kind, keyed by API group and kind (pkg/printers AddHandlers). */
import { configMapPrinter } from './config-map.js';
import { controllerRevisionPrinter } from './controller-revision.js';
import { cronJobPrinter } from './cron-job.js';
import { daemonSetPrinter } from './daemon-set.js';
import { defaultPrinter } from './default-table.js';
import { deploymentPrinter } from './deployment.js';
import { endpointsPrinter } from './endpoints.js';
import { endpointSlicePrinter } from './endpoint-slice.js';
import { eventPrinter } from './event.js';
import { jobPrinter } from './job.js';
import { leasePrinter } from './lease.js';
import { namespacePrinter } from './namespace.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { replicaSetPrinter } from './replica-set.js';
import { secretPrinter } from './secret.js';
import { serviceAccountPrinter } from './service-account.js';
import { servicePrinter } from './service.js';
import type { Printer } from './types.js';

// Each printer is typed for its kind; the table only hands it objects of that kind.
const PRINTERS = new Map<string, Printer<never>>([
  ['/Pod', podPrinter],
  ['/Node', nodePrinter],
  ['/Namespace', namespacePrinter],
  ['/Service', servicePrinter],
  ['/Endpoints', endpointsPrinter],
  ['/Event', eventPrinter],
  ['/ConfigMap', configMapPrinter],
  ['/Secret', secretPrinter],
  ['/ServiceAccount', serviceAccountPrinter],
  ['apps/Deployment', deploymentPrinter],
  ['apps/ReplicaSet', replicaSetPrinter],
  ['apps/DaemonSet', daemonSetPrinter],
  ['apps/ControllerRevision', controllerRevisionPrinter],
  ['batch/Job', jobPrinter],
  ['batch/CronJob', cronJobPrinter],
  ['coordination.k8s.io/Lease', leasePrinter],
  ['discovery.k8s.io/EndpointSlice', endpointSlicePrinter],
]);

/** The printer for a kind, or the default Name / Created At printer. */
export function printerFor(resource: { group: string; kind: string }): Printer<object> {
  const printer = PRINTERS.get(`${resource.group}/${resource.kind}`) ?? defaultPrinter;
  return printer as Printer<object>;
}
