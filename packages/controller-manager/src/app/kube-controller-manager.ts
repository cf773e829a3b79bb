/**
 * kube-controller-manager as a component: the shared flags, health server and leader election
 * (Lease kube-system/kube-controller-manager), with the controllers running while this copy leads.
 */
import {
  COMPONENT_VERSION,
  runComponent,
  type ComponentSpec,
  type RunComponentOptions,
} from '@kubelab/api';
import { ControllerManager } from '../controller-manager.js';
import { restClientSet } from '../framework/client-set.js';
import { referenceRecorder } from '../framework/event-recorder.js';
import { KCM_FLAGS, kcmOptionsFromFlags, validateKcmFlags } from './options.js';

export const KUBE_CONTROLLER_MANAGER: ComponentSpec = {
  name: 'kube-controller-manager',
  defaults: { securePort: 10257, leaseName: 'kube-controller-manager' },
  kubeconfigOrder: 'kubeconfig-first',
  leaderElectionEventSource: 'kube-controller-manager',
  flags: KCM_FLAGS,
  validate: validateKcmFlags,
  async start(ctx) {
    ctx.logger.named('controllermanager.go').info('Starting', { version: COMPONENT_VERSION });
    const cm = new ControllerManager({
      clients: restClientSet(ctx.client),
      clock: ctx.clock,
      logger: ctx.logger,
      recorder: (component) => referenceRecorder(ctx.eventRecorder(component)),
      options: kcmOptionsFromFlags(ctx.flags),
    });
    cm.start();
    return {
      // controllerhealthz.NamedPingChecker: one always-ok /healthz check per started controller.
      healthChecks: {
        healthz: cm.controllers.map((c) => ({ name: c.name, check: () => undefined })),
      },
      lead: (signal) => cm.run(signal),
      shutdown: () => cm.stop(),
    };
  },
};

/** Runs kube-controller-manager with these arguments; resolves with the exit code. */
export function runKubeControllerManager(
  argv: string[],
  o: RunComponentOptions = {},
): Promise<number> {
  return runComponent(KUBE_CONTROLLER_MANAGER, argv, o);
}
