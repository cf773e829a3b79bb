import { describe, expect, it } from 'vitest';
import { KlogLogger } from './logger.js';

function capture(): { lines: string[]; logger: KlogLogger } {
  const lines: string[] = [];
  const logger = new KlogLogger({ sink: { write: (l) => void lines.push(l) }, now: () => new Date('2026-11-28T05:20:03.626Z'), pid: 1, source: 'reflector.go' });
  return { lines, logger };
}

describe('KlogLogger', () => {
  it('prints klog lines: severity, date, time, pid, source, quoted message, key=value pairs', () => {
    const { lines, logger } = capture();
    logger.info('Starting', { controller: 'job', workers: 5 });
    expect(lines).toEqual(['I1128 05:20:03.626000       1 reflector.go:1] "Starting" controller="job" workers=5\n']);
  });

  it('prints a key given both to with() and to the call once, with the call\'s value (klog MergeKVs)', () => {
    const { lines, logger } = capture();
    logger.with({ resource: 'pods', component: 'kcm' }).error('Failed to watch', new Error('refused'), { resource: 'pods', selector: 'a=b' });
    expect(lines).toEqual(['E1128 05:20:03.626000       1 reflector.go:1] "Failed to watch" err="refused" component="kcm" resource="pods" selector="a=b"\n']);
  });
});
