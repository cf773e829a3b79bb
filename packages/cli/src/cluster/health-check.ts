/**
 * Polling a component's health endpoint until it answers 200, as kubeadm's kubelet-check and
 * control-plane-check do: plain HTTP for the kubelet's healthz, HTTPS against the cluster CA
 * for the apiserver, HTTPS without verification for the self-signed scheduler and
 * controller-manager.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '@kubelab/api';

export interface HealthTarget {
  url: string;
  /** PEM CA for HTTPS; without it the certificate is not verified. */
  ca?: string;
}

/** One probe: resolves true on 200, false on any other answer or error. */
export function probeHealth(target: HealthTarget, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const url = new URL(target.url);
    const opts = { method: 'GET', timeout: timeoutMs, ...(url.protocol === 'https:' ? { ca: target.ca, rejectUnauthorized: target.ca !== undefined } : {}) };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, opts, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

export interface WaitOptions {
  clock: Clock;
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Checked between attempts: a reason to give up early (e.g. the kubelet process exited). */
  giveUp?: () => Promise<string | undefined>;
  /** What is waited for, for the timeout error. */
  what: string;
}

/** Polls `check` until it is true; resolves with the time it took (ms). */
export async function waitFor(check: () => Promise<boolean>, o: WaitOptions): Promise<number> {
  const started = o.clock.now();
  for (;;) {
    if (await check()) return o.clock.now() - started;
    o.signal?.throwIfAborted();
    const reason = await o.giveUp?.();
    if (reason) throw new Error(reason);
    if (o.clock.now() - started >= o.timeoutMs) throw new Error(`timed out waiting for ${o.what}`);
    await o.clock.sleep(o.intervalMs ?? 100, o.signal);
  }
}
