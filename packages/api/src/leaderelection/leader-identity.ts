/** The holder identity kube-scheduler and kube-controller-manager use: `<hostname>_<uuid>`. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function leaderIdentity(host: string = hostname()): string {
  return `${host}_${randomUUID()}`;
}
