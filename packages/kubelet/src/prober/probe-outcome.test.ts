import { describe, expect, it } from 'vitest';
import { MAX_PROBE_OUTPUT_BYTES, probeUserAgent, truncateOutput } from './probe-outcome.js';

describe('probe outcome helpers', () => {
  it('names the prober kube-probe/<major>.<minor>', () => {
    expect(probeUserAgent()).toBe('kube-probe/1.32');
    expect(probeUserAgent('v1.30.4')).toBe('kube-probe/1.30');
    expect(probeUserAgent('devel')).toBe('kube-probe');
  });
  it('keeps 10 KiB of output', () => {
    expect(truncateOutput('x'.repeat(MAX_PROBE_OUTPUT_BYTES + 5))).toHaveLength(MAX_PROBE_OUTPUT_BYTES);
    expect(truncateOutput('short')).toBe('short');
  });
});
