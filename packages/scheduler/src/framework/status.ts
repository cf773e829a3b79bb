/**
 * The result of a plugin at one extension point (framework.Status): a code, the reasons (for
 * Unschedulable: the texts the failure summary counts) and the plugin that failed.
 * Plugins return undefined for success.
 */
export type StatusCode =
  | 'Success'
  | 'Error'
  | 'Unschedulable'
  | 'UnschedulableAndUnresolvable'
  | 'Skip';

export class Status {
  plugin = '';

  constructor(
    readonly code: StatusCode,
    readonly reasons: readonly string[] = [],
  ) {}

  static unschedulable(...reasons: string[]): Status {
    return new Status('Unschedulable', reasons);
  }

  static unresolvable(...reasons: string[]): Status {
    return new Status('UnschedulableAndUnresolvable', reasons);
  }

  static error(message: string): Status {
    return new Status('Error', [message]);
  }

  static readonly skip = new Status('Skip');

  isSuccess(): boolean {
    return this.code === 'Success';
  }

  isRejected(): boolean {
    return this.code === 'Unschedulable' || this.code === 'UnschedulableAndUnresolvable';
  }

  message(): string {
    return this.reasons.join(', ');
  }

  withPlugin(name: string): Status {
    const s = new Status(this.code, this.reasons);
    s.plugin = name;
    return s;
  }
}
