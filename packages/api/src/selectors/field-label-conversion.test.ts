import { describe, expect, it } from 'vitest';
import { convertFieldLabel, convertFieldSelector, unsupportedFieldError, validateFieldSelector } from './field-label-conversion.js';
import { parseFieldSelector } from './field-selector.js';

describe('validateFieldSelector', () => {
  it.each([
    ['', 'Pod', 'spec.nodeName=n1,status.phase!=Failed', undefined],
    ['', 'Pod', 'foo=bar', 'field label not supported: foo'],
    ['', 'Pod', 'spec.host=n1', undefined],
    ['', 'Node', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['', 'Node', 'spec.unschedulable=true', undefined],
    ['', 'Event', 'involvedObject.name=web,involvedObject.uid=u', undefined],
    ['', 'Namespace', 'status.phase=Active', undefined],
    ['', 'ConfigMap', 'data.x=1', '"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['apps', 'Deployment', 'metadata.name=web', undefined],
    ['apps', 'ReplicaSet', 'status.replicas=1', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['batch', 'Job', 'status.successful=1', undefined],
    ['batch', 'Job', 'status.failed=1', 'field label "status.failed" not supported for Job'],
    ['', 'Pod', 'zz=1,aa=2', 'field label not supported: aa'],
  ])('%s/%s %j', (group, kind, text, want) => {
    expect(validateFieldSelector(group, kind, parseFieldSelector(text))).toBe(want);
  });

  it('rewrites the spec.host alias', () => {
    expect(convertFieldLabel('', 'Pod', 'spec.host')).toEqual({ label: 'spec.nodeName' });
    expect(convertFieldSelector('', 'Pod', parseFieldSelector('spec.host=n1')).toString()).toBe('spec.nodeName=n1');
  });

  it('formats the rejection text per kind', () => {
    expect(unsupportedFieldError('', 'Secret', 'x')).toBe('field label not supported: x');
    expect(unsupportedFieldError('apps', 'Deployment', 'x')).toBe('"x" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });
});
