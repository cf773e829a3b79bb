/**
 * `$(VAR)` expansion of command and args against the resolved environment
 * (ExpandContainerCommandAndArgs). Empty lists stay empty: the runtime then uses the image's
 * ENTRYPOINT / CMD, as Docker does when the CRI config leaves them unset.
 */
import type { Container, EnvVar } from '@kubelab/api';
import { expand, mappingFuncFor } from './expansion.js';

export function commandAndArgs(
  container: Pick<Container, 'command' | 'args'>,
  env: readonly { name: string; value: string }[],
): { command: string[]; args: string[] } {
  const mapping = mappingFuncFor(new Map(env.map((e) => [e.name, e.value])));
  return {
    command: (container.command ?? []).map((c) => expand(c, mapping)),
    args: (container.args ?? []).map((a) => expand(a, mapping)),
  };
}

/** ExpandContainerCommandOnlyStatic: exec probe commands see only the literal env values
 * of the spec (a valueFrom variable expands to the empty string). */
export function expandCommandOnlyStatic(command: readonly string[], env: readonly EnvVar[] | undefined): string[] {
  const mapping = mappingFuncFor(new Map((env ?? []).map((e) => [e.name, e.value ?? ''])));
  return command.map((c) => expand(c, mapping));
}
