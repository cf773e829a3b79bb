/**
 * The scheduler's informer handlers (pkg/scheduler/eventhandlers.go): assigned pods go to the
 * cache (and may make waiting pods schedulable), unassigned pods this scheduler is responsible
 * for go to the queue, nodes go to the cache and move pods waiting for such a change.
 */
import type { Node, Pod } from '@kubelab/api';
import type { Informer } from '@kubelab/api/informer';
import { assignedPodUpdateActions, nodeUpdateActions } from './framework/cluster-events.js';
import type { Scheduler } from './scheduler.js';

const assigned = (p: Pod): boolean => Boolean(p.spec?.nodeName);

export class SchedulerEventHandlers {
  constructor(private readonly sched: Scheduler) {}

  private unassignedOurs(p: Pod): boolean {
    return !assigned(p) && this.sched.responsibleFor(p);
  }

  onPodAdd(pod: Pod): void {
    if (assigned(pod)) {
      this.sched.cache.addPod(pod);
      this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', actions: ['Add'] });
    } else if (this.sched.responsibleFor(pod)) {
      this.sched.queue.add(pod);
    }
  }

  onPodUpdate(pod: Pod, old: Pod): void {
    if (old.metadata?.uid !== pod.metadata?.uid) {
      this.onPodDelete(old);
      this.onPodAdd(pod);
      return;
    }
    const wasOurs = this.unassignedOurs(old);
    const isOurs = this.unassignedOurs(pod);
    if (assigned(old) && assigned(pod)) {
      this.sched.cache.updatePod(pod);
      this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', actions: assignedPodUpdateActions(old, pod) });
      return;
    }
    if (wasOurs && !isOurs) this.sched.queue.delete(old);
    if (!assigned(old) && assigned(pod)) {
      this.onPodAdd(pod);
      return;
    }
    if (wasOurs && isOurs) {
      if (old.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
      if (this.sched.cache.isAssumed(pod.metadata?.uid ?? '')) return;
      this.sched.queue.update(old, pod);
    } else if (isOurs) this.sched.queue.add(pod);
  }

  onPodDelete(pod: Pod): void {
    if (assigned(pod)) {
      this.sched.cache.removePod(pod);
      this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', actions: ['Delete'] });
    } else {
      this.sched.queue.delete(pod);
    }
  }

  onNodeAdd(node: Node): void {
    this.sched.cache.addNode(node);
    this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions: ['Add'] });
  }

  onNodeUpdate(node: Node, old: Node): void {
    this.sched.cache.updateNode(node);
    const actions = nodeUpdateActions(old, node);
    if (actions.length > 0) this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions });
  }

  onNodeDelete(node: Node): void {
    this.sched.cache.removeNode(node);
    this.sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', actions: ['Delete'] });
  }

  /** Subscribes to the informers; returns the unsubscribe function. */
  attach(informers: { pods: Informer<Pod>; nodes: Informer<Node> }): () => void {
    const offs = [
      informers.nodes.on('add', (n) => this.onNodeAdd(n)),
      informers.nodes.on('update', (n, o) => this.onNodeUpdate(n, o)),
      informers.nodes.on('delete', (n) => this.onNodeDelete(n)),
      informers.pods.on('add', (p) => this.onPodAdd(p)),
      informers.pods.on('update', (p, o) => this.onPodUpdate(p, o)),
      informers.pods.on('delete', (p) => this.onPodDelete(p)),
    ];
    return () => offs.forEach((off) => off());
  }
}
