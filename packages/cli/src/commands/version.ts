/** `kubelab version`: prints the version line, as `kind version` does. */
import { versionLine } from '../cluster/version.js';
import type { Command } from './command.js';

export const versionCommand: Command = {
  path: ['version'],
  short: 'Prints the kubelab CLI version',
  long: 'Prints the kubelab CLI version',
  async run(ctx) {
    ctx.io.stdout.write(`${versionLine()}\n`);
  },
};
