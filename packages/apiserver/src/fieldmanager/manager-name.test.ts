import { describe, expect, it } from 'vitest';
import { managerOrUserAgent, prefixFromUserAgent, validateFieldManager } from './manager-name.js';
import { requestManager } from './write-tracking.js';

describe('manager names', () => {
  it('come from fieldManager, else from the user agent up to the first slash', () => {
    expect(managerOrUserAgent('kubectl-edit', 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07')).toBe('kubectl-edit');
    expect(managerOrUserAgent(undefined, 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07')).toBe('kubectl');
    expect(managerOrUserAgent('', 'kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/abc/system:serviceaccount')).toBe(
      'kube-controller-manager',
    );
    expect(managerOrUserAgent(undefined, undefined)).toBe('');
  });

  it('drop unprintable characters and stop at 128 bytes', () => {
    expect(prefixFromUserAgent('my\tagent\u0007/1.0')).toBe('myagent');
    expect(prefixFromUserAgent('x'.repeat(200))).toHaveLength(128);
  });

  it('are validated as the options they came in', () => {
    expect(validateFieldManager('ok-name')).toEqual([]);
    expect(validateFieldManager('bad\u0007').map((e) => e.toString())).toEqual([
      'fieldManager: Invalid value: "bad\\u0007": invalid character U+0007 (at position 3)',
    ]);
    expect(() => requestManager({ options: 'PatchOptions', fieldManager: null, userAgent: 'kubectl/v1', apply: true })).toThrow(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
    expect(() => requestManager({ options: 'PatchOptions', fieldManager: 'x', userAgent: undefined, force: 'true' })).toThrow(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
    expect(() => requestManager({ options: 'CreateOptions', fieldManager: 'y'.repeat(129), userAgent: undefined })).toThrow(
      'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes',
    );
  });
});
