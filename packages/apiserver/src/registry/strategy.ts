/**
 * What differs between resources in the generic store: defaulting, validation, what an update
 * may change, and how deletion proceeds (registry/rest CreateStrategy, UpdateStrategy,
 * RESTDeleteStrategy, RESTGracefulDeleteStrategy).
 */
import type { ApiObject, DeleteOptions, FieldError } from '@kubelab/api';
import type { RequestContext } from './request-context.js';

export interface UpdateStrategy {
  /** Resets what this kind of update may not change (status on the main resource, spec on
   * the status subresource, ...). */
  prepareForUpdate(newObj: ApiObject, oldObj: ApiObject, ctx: RequestContext): void;
  validateUpdate(newObj: ApiObject, oldObj: ApiObject, ctx: RequestContext): FieldError[];
}

export interface Strategy extends UpdateStrategy {
  /** Bump metadata.generation when anything but metadata and status changes. */
  readonly tracksGeneration: boolean;
  readonly allowCreateOnUpdate: boolean;
  readonly allowUnconditionalUpdate: boolean;
  prepareForCreate(obj: ApiObject, ctx: RequestContext): void;
  validate(obj: ApiObject, ctx: RequestContext): FieldError[];
  /** Strategies of subresources that write through the same object (status, finalize). */
  subresources: Partial<Record<string, UpdateStrategy>>;
  /**
   * Graceful deletion: the grace period to apply, or undefined to delete at once
   * (rest.RESTGracefulDeleteStrategy.CheckGracefulDelete).
   */
  gracePeriod?(obj: ApiObject, options: DeleteOptions): number | undefined;
  /** Two-phase deletion that waits on something other than metadata.finalizers
   * (a namespace waits for spec.finalizers). */
  deferDeletion?(obj: ApiObject): boolean;
  /** Called on the object being marked for deletion (a namespace turns Terminating). */
  onDeletionMarked?(obj: ApiObject): void;
  /** Whether an update of an object being deleted completes the deletion
   * (default: no finalizers left and no grace period pending). */
  readyToDelete?(obj: ApiObject): boolean;
}
