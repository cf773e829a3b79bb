import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validateContainerProbe, validateLifecycle, validatePortNumOrName } from './probes.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('probe');

describe('probes and handlers', () => {
  it('checks named and numbered ports', () => {
    expect(validatePortNumOrName('http', p)).toEqual([]);
    expect(strs(validatePortNumOrName('HTTP', p))).toEqual([
      'probe: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'probe: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });

  it('forbids two handlers and checks readiness specifics', () => {
    const probe = { exec: { command: ['true'] }, tcpSocket: { port: 80 }, successThreshold: 1 };
    expect(strs(validateContainerProbe('livenessProbe', probe, 30, p))).toEqual(['probe.tcpSocket: Forbidden: may not specify more than 1 handler type']);
    expect(strs(validateContainerProbe('readinessProbe', { exec: { command: ['x'] }, terminationGracePeriodSeconds: 5 }, 30, p))).toEqual([
      'probe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ]);
    expect(strs(validateContainerProbe('startupProbe', { exec: { command: [] }, successThreshold: 1, periodSeconds: -1 }, 30, p))).toEqual([
      'probe.exec.command: Required value',
      'probe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('bounds a preStop sleep by the grace period', () => {
    expect(strs(validateLifecycle({ preStop: { sleep: { seconds: 40 } } }, 30, FieldPath.root('lifecycle')))).toEqual([
      'lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ]);
  });
});
