import { describe, expect, it } from 'vitest';
import { requestSubresources, requestVerb } from './request-attributes.js';

describe('requestVerb', () => {
  it('maps HTTP methods to API verbs', () => {
    expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map(requestVerb)).toEqual(['get', 'create', 'update', 'patch', 'delete', '']);
  });
});

describe('requestSubresources', () => {
  it('is proxy for exec, attach and containerLogs', () => {
    expect(requestSubresources('/exec/default/p/c')).toEqual(['proxy']);
    expect(requestSubresources('/attach/default/p/c')).toEqual(['proxy']);
    expect(requestSubresources('/containerLogs/default/p/c')).toEqual(['proxy']);
  });

  it('tries the fine-grained subresource before proxy', () => {
    expect(requestSubresources('/pods')).toEqual(['pods', 'proxy']);
    expect(requestSubresources('/pods/')).toEqual(['pods', 'proxy']);
    expect(requestSubresources('/healthz')).toEqual(['healthz', 'proxy']);
    expect(requestSubresources('/configz')).toEqual(['configz', 'proxy']);
  });

  it('uses the specific subresources of stats, metrics, logs and checkpoint', () => {
    expect(requestSubresources('/stats/summary')).toEqual(['stats']);
    expect(requestSubresources('/metrics/cadvisor')).toEqual(['metrics']);
    expect(requestSubresources('/logs/syslog')).toEqual(['log']);
    expect(requestSubresources('/checkpoint/ns/p/c')).toEqual(['checkpoint']);
    expect(requestSubresources('/podsx')).toEqual(['proxy']);
  });
});
