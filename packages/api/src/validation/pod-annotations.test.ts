import { describe, expect, it } from 'vitest';
import { FieldPath } from './field-errors.js';
import { validatePodAnnotationUpdates, validatePodSpecificAnnotations } from './pod-annotations.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());
const p = FieldPath.root('metadata').child('annotations');
const spec = { nodeName: 'n1', containers: [] };

describe('pod annotations', () => {
  it('validates the deletion cost', () => {
    expect(strs(validatePodSpecificAnnotations({ 'controller.kubernetes.io/pod-deletion-cost': 'x' }, spec, p))).toEqual([
      'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "x": must be a 32bit integer',
    ]);
  });

  it('forbids touching the mirror annotation', () => {
    const mirror = { 'kubernetes.io/config.mirror': 'h1' };
    expect(validatePodAnnotationUpdates(mirror, mirror, spec, p)).toEqual([]);
    expect(strs(validatePodAnnotationUpdates({ 'kubernetes.io/config.mirror': 'h2' }, mirror, spec, p))).toEqual([
      'metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not remove or update mirror pod annotation',
    ]);
    expect(strs(validatePodAnnotationUpdates(mirror, {}, spec, p))).toEqual([
      'metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation',
    ]);
  });
});
