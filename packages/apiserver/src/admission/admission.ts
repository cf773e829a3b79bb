/**
 * Admission (k8s.io/apiserver/pkg/admission): plugins see every write after decoding and may
 * change it (mutate) or refuse it (validate), in a fixed order.
 */
import type { ApiObject, ResourceInfo } from '@kubelab/api';
import type { RequestContext } from '../registry/request-context.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionAttributes {
  operation: Operation;
  resource: ResourceInfo;
  subresource: string;
  namespace: string | undefined;
  name: string;
  /** The new object (CREATE, UPDATE); for CONNECT the options object, if any. */
  object: ApiObject | undefined;
  /** The stored object (UPDATE, DELETE). */
  oldObject: ApiObject | undefined;
  ctx: RequestContext;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** May change attrs.object. Throws an ApiError to refuse. */
  admit?(attrs: AdmissionAttributes): void | Promise<void>;
  /** Throws an ApiError to refuse; never changes anything. */
  validate?(attrs: AdmissionAttributes): void | Promise<void>;
}

export class AdmissionChain {
  constructor(private readonly plugins: AdmissionPlugin[]) {}

  async admit(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.plugins) if (p.admit) await p.admit(attrs);
  }

  async validate(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.plugins) if (p.validate) await p.validate(attrs);
  }
}

export const noAdmission = new AdmissionChain([]);
