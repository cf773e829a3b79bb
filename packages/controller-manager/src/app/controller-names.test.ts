import { describe, expect, it } from 'vitest';
import { isControllerEnabled, validateControllers } from './controller-names.js';

describe('--controllers', () => {
  it('enables the on-by-default controllers with *, and takes aliases', () => {
    expect(isControllerEnabled('deployment-controller', ['*'])).toBe(true);
    expect(isControllerEnabled('bootstrap-signer-controller', ['*'])).toBe(false);
    expect(
      isControllerEnabled('bootstrap-signer-controller', ['*', 'bootstrapsigner', 'tokencleaner']),
    ).toBe(true);
    expect(isControllerEnabled('node-lifecycle-controller', ['*', '-nodelifecycle'])).toBe(false);
    expect(isControllerEnabled('deployment-controller', ['replicaset'])).toBe(false);
    expect(isControllerEnabled('replicaset-controller', ['replicaset'])).toBe(true);
  });

  it('rejects unknown controllers as upstream words it', () => {
    expect(
      validateControllers(['*', '-foo', 'deployment', 'garbage-collector-controller']),
    ).toEqual(['"foo" is not in the list of known controllers']);
  });
});
