import { describe, expect, it } from 'vitest';
import { podSpecDiff } from './pod-spec-diff.js';

describe('podSpecDiff', () => {
  it('renders changed top-level fields in cmp.Diff style', () => {
    const diff = podSpecDiff(
      { containers: [], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
      { containers: [], restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' },
    );
    expect(diff).toBe(
      '  core.PodSpec{\n  \t... // 1 identical field\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  \t... // 1 identical field\n  }\n',
    );
  });
});
