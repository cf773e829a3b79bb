import { describe, expect, it } from 'vitest';
import { applyConflictError, printManager } from './conflict-error.js';
import { managerIdentifier } from './managed-fields.js';
import { makePath } from './path-element.js';

describe('apply conflicts', () => {
  it('name the owner as upstream prints it', () => {
    expect(printManager(managerIdentifier({ manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1' }))).toBe('"kubectl"');
    expect(printManager(managerIdentifier({ manager: 'kubectl-edit', operation: 'Update', apiVersion: 'apps/v1' }))).toBe(
      '"kubectl-edit" using apps/v1',
    );
    expect(
      printManager(managerIdentifier({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale' })),
    ).toBe('"kube-controller-manager" with subresource "scale" using apps/v1');
    expect(printManager('not json')).toBe('"not json"');
  });

  it('become a 409 Status with FieldManagerConflict causes', () => {
    const manager = managerIdentifier({ manager: 'helm', operation: 'Apply' });
    const err = applyConflictError([{ manager, path: makePath('spec', 'replicas') }]);
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "helm": .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "helm"', field: '.spec.replicas' }] },
      code: 409,
    });
  });
});
