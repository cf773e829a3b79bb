import { describe, expect, it } from 'vitest';
import { article, groupVersionPrefix, groupVersionTag } from './operation-names.js';

describe('operation names', () => {
  it('prefix operation ids as upstream', () => {
    expect(groupVersionPrefix('', 'v1')).toBe('CoreV1');
    expect(groupVersionPrefix('apps', 'v1')).toBe('AppsV1');
    expect(groupVersionPrefix('coordination.k8s.io', 'v1')).toBe('CoordinationV1');
    expect(groupVersionPrefix('rbac.authorization.k8s.io', 'v1')).toBe('RbacAuthorizationV1');
    expect(groupVersionPrefix('autoscaling', 'v2beta1')).toBe('AutoscalingV2beta1');
  });

  it('tag operations by group version as upstream', () => {
    expect(groupVersionTag('', 'v1')).toBe('core_v1');
    expect(groupVersionTag('authorization.k8s.io', 'v1')).toBe('authorization_v1');
    expect(groupVersionTag('rbac.authorization.k8s.io', 'v1')).toBe('rbacAuthorization_v1');
  });

  it('picks the article of a kind', () => {
    expect(article('Pod')).toBe('a');
    expect(article('Eviction')).toBe('an');
  });
});
