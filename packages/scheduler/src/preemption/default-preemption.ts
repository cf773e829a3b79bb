/**
 * DefaultPreemption (PostFilter): when no node fits, find nodes where evicting lower-priority
 * pods would make room, pick one, nominate the preemptor to it and evict the victims
 * (DisruptionTarget condition, delete, `Preempted` event). When that cannot help, the message
 * says why, as upstream: `preemption: 0/3 nodes are available: 1 Preemption is not helpful for
 * scheduling, 2 No preemption victims found for incoming pod.`
 */
import { rfc3339, type Logger } from '@kubelab/api';
import type { EventRecorder } from '@kubelab/api';
import type { SchedulerClient } from '../client/scheduler-client.js';
import type { CycleState } from '../framework/cycle-state.js';
import { FitError, newDiagnosis, type NodeToStatus } from '../framework/fit-error.js';
import type { Framework } from '../framework/framework.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { Status } from '../framework/status.js';
import type { PodNominator } from '../schedule/schedule-pod.js';
import { pickOneNodeForPreemption, selectVictimsOnNode, type NodeFilter } from './select-victims.js';

export const ERR_NOT_HELPFUL = 'Preemption is not helpful for scheduling';

export interface PostFilterResult {
  /** The node to nominate ('' clears a nomination; undefined leaves it). */
  nominatedNodeName?: string;
  /** The status message (already prefixed with `preemption: `), empty on success. */
  message: string;
  success: boolean;
}

export interface DefaultPreemptionOptions {
  framework: Framework;
  filter: NodeFilter;
  nominator: PodNominator;
  client: SchedulerClient;
  recorder: EventRecorder;
  schedulerName: string;
  logger: Logger;
  now: () => number;
}

function terminatingByPreemption(pi: PodInfo): boolean {
  if (!pi.pod.metadata?.deletionTimestamp) return false;
  return (pi.pod.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
}

/** PodEligibleToPreemptOthers. */
export function eligibleToPreempt(pod: PodInfo, nodes: readonly NodeInfo[], statuses: NodeToStatus): string | undefined {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.pod.status?.nominatedNodeName;
  if (!nominated) return undefined;
  if (statuses.get(nominated)?.code === 'UnschedulableAndUnresolvable') return undefined;
  const ni = nodes.find((n) => n.name === nominated);
  if (ni?.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p))) {
    return 'not eligible due to a terminating pod on the nominated node.';
  }
  return undefined;
}

export class DefaultPreemption {
  constructor(private readonly o: DefaultPreemptionOptions) {}

  postFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], statuses: NodeToStatus): PostFilterResult {
    const notEligible = eligibleToPreempt(pod, nodes, statuses);
    if (notEligible) return { message: `preemption: ${notEligible}`, success: false };
    const potential = nodes.filter((n) => statuses.get(n.name)?.code === 'Unschedulable');
    const diagnosis = newDiagnosis();
    diagnosis.nodeToStatus.absentNodesStatus = Status.unresolvable(ERR_NOT_HELPFUL);
    const candidates = new Map<string, PodInfo[]>();
    const now = this.o.now();
    for (const ni of potential) {
      const r = selectVictimsOnNode(this.o.framework, this.o.filter, state.clone(), pod, ni, now);
      if (r.victims && r.victims.length > 0) candidates.set(ni.name, r.victims);
      else diagnosis.nodeToStatus.set(ni.name, r.status ?? Status.error(`expected at least one victim pod on node "${ni.name}"`));
    }
    const best = pickOneNodeForPreemption(candidates, now);
    if (!best) {
      return { nominatedNodeName: '', message: `preemption: ${new FitError(nodes.length, diagnosis).text()}`, success: false };
    }
    this.prepareCandidate(pod, best, candidates.get(best) ?? []);
    return { nominatedNodeName: best, message: '', success: true };
  }

  /** Evicts the victims and clears lower-priority nominations on the node, in the background. */
  private prepareCandidate(pod: PodInfo, node: string, victims: PodInfo[]): void {
    const { client, recorder, logger } = this.o;
    for (const v of victims) {
      if (v.pod.metadata?.deletionTimestamp) continue;
      void (async () => {
        try {
          await client.patchPodStatus(v.pod, {
            conditions: [
              {
                type: 'DisruptionTarget',
                status: 'True',
                reason: 'PreemptionByScheduler',
                message: `${this.o.schedulerName}: preempting to accommodate a higher priority pod`,
                lastTransitionTime: rfc3339(this.o.now()),
              },
            ],
          });
          await client.deletePod(v.pod);
          logger.debug('Preemptor Pod preempted victim Pod', { preemptor: pod.key, victim: v.key, node });
          recorder.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${pod.uid} on node ${node}`);
        } catch (err) {
          logger.error('Tried to preempted pod', err, { pod: v.key, preemptor: pod.key });
        }
      })();
    }
    for (const p of this.o.nominator.nominatedPodsForNode(node)) {
      if (p.priority < pod.priority && p.pod.status?.nominatedNodeName) {
        void client.patchPodStatus(p.pod, { nominatedNodeName: null }).catch((err: unknown) => {
          logger.error('Cannot clear NominatedNodeName field', err, { pod: p.key });
        });
      }
    }
  }
}
