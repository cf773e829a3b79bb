/** Jobs (pkg/registry/batch/job/strategy.go): the selector and the controller-uid labels are generated. */
import type { ResourceInfo } from '@kubelab/api';
import { generateJobSelector } from '@kubelab/api';
import { createDefaultStrategy } from '../default-strategy.js';
import type { Strategy } from '../strategy.js';

export function createJobStrategy(info: ResourceInfo): Strategy {
  const base = createDefaultStrategy(info);
  return {
    ...base,
    prepareForCreate(obj, ctx) {
      base.prepareForCreate(obj, ctx);
      generateJobSelector(obj as Parameters<typeof generateJobSelector>[0]);
    },
  };
}
