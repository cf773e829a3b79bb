/**
 * Defaults inside a container (SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * ports' protocol, env fieldRef apiVersion, resource lists).
 */
import type { Container, LifecycleHandler, Probe } from 'kubernetes-types/core/v1.js';
import { defaultPullPolicy } from './image-pull-policy.js';
import { defaultResourceList } from './resource-list.js';

function defaultHandler(h: Pick<LifecycleHandler, 'httpGet'> | undefined): void {
  if (!h?.httpGet) return;
  if (!h.httpGet.path) h.httpGet.path = '/';
  if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
}

export function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHandler(probe);
}

export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = 'TCP';
  for (const ev of c.env ?? []) {
    if (ev.valueFrom?.fieldRef && !ev.valueFrom.fieldRef.apiVersion) ev.valueFrom.fieldRef.apiVersion = 'v1';
  }
  // Resources is a struct upstream, so it always serialises, as `{}` when empty.
  c.resources ??= {};
  defaultResourceList(c.resources.limits);
  defaultResourceList(c.resources.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
}
