/**
 * The PodScheduled condition the scheduler writes on failure, and podutil.UpdatePodCondition's
 * rule for whether writing it changes anything (lastTransitionTime moves only with status).
 */
import { rfc3339, type PodCondition, type PodStatus } from '@kubelab/api';

export const POD_REASON_UNSCHEDULABLE = 'Unschedulable';
export const POD_REASON_SCHEDULER_ERROR = 'SchedulerError';
/** Event notes are limited to 1024 bytes. */
export const NOTE_LENGTH_LIMIT = 1024;

export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  return `${message.slice(0, NOTE_LENGTH_LIMIT - 3)}...`;
}

/**
 * The condition to write, or undefined when the pod already carries it (only the transition
 * time would differ).
 */
export function podScheduledFalse(status: PodStatus | undefined, reason: string, message: string, now: number): PodCondition | undefined {
  const old = status?.conditions?.find((c) => c.type === 'PodScheduled');
  const cond: PodCondition = {
    type: 'PodScheduled',
    status: 'False',
    lastTransitionTime: old && old.status === 'False' ? (old.lastTransitionTime ?? rfc3339(now)) : rfc3339(now),
    reason,
    message,
  };
  if (old && old.status === cond.status && old.reason === reason && old.message === message && !old.lastProbeTime) return undefined;
  return cond;
}
