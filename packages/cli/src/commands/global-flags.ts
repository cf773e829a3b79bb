/** Flags every command accepts (kind's persistent flags). */
import type { FlagSpec } from '@kubelab/api';

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'silence all stderr output' },
  { name: 'verbosity', short: 'v', type: 'int', default: 0, usage: 'info log verbosity, higher value produces more output' },
];

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', default: false, usage: 'help for' };
