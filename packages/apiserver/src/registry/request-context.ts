/** Who is asking and how: carried from the HTTP layer through admission into the registry. */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface RequestContext {
  user: UserInfo;
  /** The namespace from the URL, if the resource is namespaced. */
  namespace: string | undefined;
  dryRun: boolean;
  fieldManager: string | undefined;
  fieldValidation: FieldValidation;
  /** Warnings to send back in `Warning:` headers. */
  warnings: string[];
}

export function systemContext(namespace?: string): RequestContext {
  return {
    user: { name: 'system:apiserver', groups: ['system:masters'] },
    namespace,
    dryRun: false,
    fieldManager: undefined,
    fieldValidation: 'Ignore',
    warnings: [],
  };
}
