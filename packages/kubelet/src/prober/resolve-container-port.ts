/** ResolveContainerPort (pkg/kubelet/prober): a probe port by number or by the name of a
 * container port, with the kubelet's error texts. */
import type { Container } from '@kubelab/api';

export function resolveContainerPort(port: number | string | undefined, container: Pick<Container, 'ports'>): number {
  let n: number;
  if (typeof port === 'number') {
    n = port;
  } else if (typeof port === 'string') {
    const named = container.ports?.find((p) => p.name === port);
    if (named) n = named.containerPort;
    else if (/^[+-]?\d+$/.test(port)) n = Number.parseInt(port, 10);
    else throw new Error(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  } else {
    throw new Error(`intOrString had no kind: {Type:0 IntVal:0 StrVal:}`);
  }
  if (n > 0 && n < 65536) return n;
  throw new Error(`invalid port number: ${n}`);
}
