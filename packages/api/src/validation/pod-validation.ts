/** The Pod entry of the validation table: create, update (ValidatePodUpdate) and status. */
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KindValidation } from './kind-validation.js';
import { validatePodCreate, validatePodStatusUpdate } from './pod.js';
import { validatePodUpdate } from './pod-update.js';

export const podValidation: KindValidation<Pod> = {
  create: validatePodCreate,
  update: validatePodUpdate,
  status: validatePodStatusUpdate,
};
