/**
 * DaemonSets (pkg/registry/apps/daemonset/strategy.go): the template generation starts at 1 and
 * is bumped with every template change; apps/v1 shows it as the
 * deprecated.daemonset.template.generation annotation, which the controller copies onto pods as
 * the pod-template-generation label.
 */
import type { ApiObject, ResourceInfo } from '@kubelab/api';
import { isDeepStrictEqual } from 'node:util';
import { createDefaultStrategy } from '../default-strategy.js';
import type { Strategy } from '../strategy.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** apps/v1 keeps the template generation only in this annotation (spec.templateGeneration is internal). */
function generationOf(obj: ApiObject): number {
  const n = Number(obj.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function setGeneration(obj: ApiObject, gen: number): void {
  obj.metadata = { ...obj.metadata, annotations: { ...obj.metadata?.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(gen) } };
}

export function createDaemonSetStrategy(info: ResourceInfo): Strategy {
  const base = createDefaultStrategy(info);
  return {
    ...base,
    prepareForCreate(obj, ctx) {
      base.prepareForCreate(obj, ctx);
      setGeneration(obj, 1);
    },
    prepareForUpdate(newObj, oldObj, ctx) {
      base.prepareForUpdate(newObj, oldObj, ctx);
      const oldSpec = (oldObj.spec ?? {}) as { template?: unknown };
      const newSpec = (newObj.spec ?? {}) as { template?: unknown };
      const gen = generationOf(oldObj);
      setGeneration(newObj, isDeepStrictEqual(oldSpec.template, newSpec.template) ? gen : gen + 1);
    },
  };
}
