/**
 * Namespaces (pkg/registry/core/namespace): created Active with the "kubernetes" finalizer in
 * spec; deleting one turns it Terminating until the namespace controller has emptied it and
 * removed the finalizer through /finalize.
 */
import type { ApiObject, Namespace, ResourceInfo } from '@kubelab/api';
import { createDefaultStrategy, resetObjectMetaForStatus } from '../default-strategy.js';
import type { Strategy } from '../strategy.js';

export const FINALIZER_KUBERNETES = 'kubernetes';

export function createNamespaceStrategy(info: ResourceInfo): Strategy {
  const base = createDefaultStrategy(info);
  return {
    ...base,
    prepareForCreate(obj, ctx) {
      base.prepareForCreate(obj, ctx);
      const ns = obj as Namespace;
      ns.status = { phase: 'Active' };
      const finalizers = ns.spec?.finalizers ?? [];
      ns.spec = { ...ns.spec, finalizers: finalizers.includes(FINALIZER_KUBERNETES) ? finalizers : [...finalizers, FINALIZER_KUBERNETES] };
    },
    prepareForUpdate(newObj, oldObj, ctx) {
      base.prepareForUpdate(newObj, oldObj, ctx);
      newObj.spec = oldObj.spec;
      newObj.status = oldObj.status;
    },
    subresources: {
      ...base.subresources,
      finalize: {
        prepareForUpdate(newObj, oldObj) {
          const spec = newObj.spec;
          resetObjectMetaForStatus(newObj, oldObj);
          newObj.spec = spec;
          newObj.status = oldObj.status;
        },
        validateUpdate: () => [],
      },
    },
    deferDeletion: (obj) => ((obj as Namespace).spec?.finalizers?.length ?? 0) > 0,
    onDeletionMarked(obj: ApiObject) {
      (obj as Namespace).status = { ...(obj as Namespace).status, phase: 'Terminating' };
    },
    readyToDelete(obj) {
      const ns = obj as Namespace;
      return !!ns.metadata?.deletionTimestamp && (ns.metadata.finalizers?.length ?? 0) === 0 && (ns.spec?.finalizers?.length ?? 0) === 0;
    },
  };
}
