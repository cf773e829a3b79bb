/**
 * Probes and lifecycle handlers (pkg/apis/core/validation validateProbe, validateHandler,
 * ValidatePortNumOrName).
 */
import type { Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, notSupported, required, type FieldError, type FieldPath } from './field-errors.js';
import { validateNonnegative } from './common.js';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './names.js';

/** An IntOrString port: a number is checked as a port number, a string as a port name. */
export function validatePortNumOrName(port: number | string | undefined, p: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalidValue(p, port, m));
  const n = port ?? 0;
  return isValidPortNum(n).map((m) => invalidValue(p, n, m));
}

interface Handler {
  exec?: LifecycleHandler['exec'];
  httpGet?: LifecycleHandler['httpGet'];
  tcpSocket?: LifecycleHandler['tcpSocket'];
  grpc?: Probe['grpc'];
  sleep?: LifecycleHandler['sleep'];
}

function validateHandlerAction(kind: keyof Handler, h: Handler, grace: number | undefined, p: FieldPath): FieldError[] {
  switch (kind) {
    case 'exec':
      return (h.exec?.command ?? []).length === 0 ? [required(p.child('command'))] : [];
    case 'httpGet': {
      const g = h.httpGet;
      const errs: FieldError[] = [];
      if (!g?.path) errs.push(required(p.child('path')));
      errs.push(...validatePortNumOrName(g?.port, p.child('port')));
      const scheme = g?.scheme ?? '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS']));
      for (const header of g?.httpHeaders ?? []) {
        for (const m of isHTTPHeaderName(header.name)) errs.push(invalidValue(p.child('httpHeaders'), header.name, m));
      }
      return errs;
    }
    case 'tcpSocket':
      return validatePortNumOrName(h.tcpSocket?.port, p.child('port'));
    case 'grpc':
      return validatePortNumOrName(h.grpc?.port ?? 0, p.child('port'));
    case 'sleep': {
      const s = h.sleep?.seconds ?? 0;
      if (grace !== undefined && (s <= 0 || s > grace)) {
        return [invalidValue(p, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`)];
      }
      return [];
    }
  }
}

function validateHandler(h: Handler, grace: number | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const) {
    if (!h[kind]) continue;
    if (count > 0) {
      errs.push(forbiddenField(p.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...validateHandlerAction(kind, h, grace, p.child(kind)));
  }
  if (count === 0) errs.push(required(p, 'must specify a handler type'));
  return errs;
}

export function validateLifecycle(lc: Lifecycle, grace: number | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (lc.postStart) errs.push(...validateHandler({ ...lc.postStart }, grace, p.child('postStart')));
  if (lc.preStop) errs.push(...validateHandler({ ...lc.preStop }, grace, p.child('preStop')));
  return errs;
}

function validateProbe(probe: Probe, grace: number | undefined, p: FieldPath): FieldError[] {
  const { exec, httpGet, tcpSocket, grpc } = probe;
  const errs = validateHandler({ exec, httpGet, tcpSocket, grpc }, grace, p);
  errs.push(...validateNonnegative(probe.initialDelaySeconds, p.child('initialDelaySeconds')));
  errs.push(...validateNonnegative(probe.timeoutSeconds, p.child('timeoutSeconds')));
  errs.push(...validateNonnegative(probe.periodSeconds, p.child('periodSeconds')));
  errs.push(...validateNonnegative(probe.successThreshold, p.child('successThreshold')));
  errs.push(...validateNonnegative(probe.failureThreshold, p.child('failureThreshold')));
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0) {
    errs.push(invalidValue(p.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  }
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateContainerProbe(
  kind: ProbeKind,
  probe: Probe | undefined,
  grace: number | undefined,
  p: FieldPath,
): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, grace, p);
  if (kind !== 'readinessProbe' && (probe.successThreshold ?? 0) !== 1) {
    errs.push(invalidValue(p.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  }
  if (kind === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined) {
    errs.push(
      invalidValue(
        p.child('terminationGracePeriodSeconds'),
        probe.terminationGracePeriodSeconds,
        'must not be set for readinessProbes',
      ),
    );
  }
  return errs;
}
