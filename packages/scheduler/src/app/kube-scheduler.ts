/**
 * kube-scheduler as a component: the shared flags, health server and leader election (Lease
 * kube-system/kube-scheduler), with the scheduler running while this copy leads.
 */
import { COMPONENT_VERSION, runComponent, type ComponentSpec, type RunComponentOptions } from '@kubelab/api';
import type { Scheduler } from '../scheduler.js';
import { SchedulerApp } from './scheduler-app.js';

export const KUBE_SCHEDULER: ComponentSpec = {
  name: 'kube-scheduler',
  defaults: { securePort: 10259, leaseName: 'kube-scheduler' },
  kubeconfigOrder: 'delegated-auth-first',
  leaderElectionEventSource: 'default-scheduler',
  async start(ctx) {
    ctx.logger.named('server.go').info('Starting Kubernetes Scheduler', { version: COMPONENT_VERSION });
    // Events yield to bindings (for at most a second each): a burst of pods binds first.
    const recorder = (s: Scheduler) => ctx.eventRecorder('default-scheduler', { ready: () => s.quiet() });
    const app = new SchedulerApp({ rest: ctx.client, recorder, clock: ctx.clock, logger: ctx.logger });
    app.start();
    return {
      healthChecks: {
        readyz: [{ name: 'sched-handler-sync', check: () => (app.hasSynced() ? undefined : 'waiting for handlers to sync') }],
      },
      lead: (signal) => app.run(signal),
      shutdown: () => app.stop(),
    };
  },
};

/** Runs kube-scheduler with these arguments; resolves with the exit code. */
export function runKubeScheduler(argv: string[], o: RunComponentOptions = {}): Promise<number> {
  return runComponent(KUBE_SCHEDULER, argv, o);
}
