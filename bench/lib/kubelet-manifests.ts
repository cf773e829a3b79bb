/**
 * What the kubelet benchmark runs: one busybox container that sleeps and ends at once on
 * SIGTERM, as a static pod manifest, as an API pod bound to the node, and as a raw container.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pod } from '@kubelab/api';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';
import { wallNow } from './kubelet-timing.js';

export const IMAGE = 'busybox:1.36';
export const COMMAND = ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"];
export const CONTAINER = 'app';

export function staticPodYaml(name: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  terminationGracePeriodSeconds: 2',
    '  containers:',
    `  - name: ${CONTAINER}`,
    `    image: ${IMAGE}`,
    `    command: ${JSON.stringify(COMMAND)}`,
    '',
  ].join('\n');
}

export function apiPod(name: string, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName,
      terminationGracePeriodSeconds: 2,
      containers: [{ name: CONTAINER, image: IMAGE, command: COMMAND }],
    },
  };
}

const manifestPath = (lab: Lab, node: string, file: string): string =>
  join(lab.nodes.get(node)?.root ?? '', 'etc/kubernetes/manifests', file);

/**
 * Writes a manifest beside the directory and renames it in (as lab.writeManifest does);
 * returns the time of the rename, which is the moment the manifest appears.
 */
export async function placeManifest(
  lab: Lab,
  node: string,
  file: string,
  yaml: string,
): Promise<number> {
  const root = lab.nodes.get(node)?.root;
  if (!root) throw new Error(`no node ${node}`);
  const tmp = join(root, `.${file}.tmp`);
  await writeFile(tmp, yaml);
  const at = wallNow();
  await rename(tmp, manifestPath(lab, node, file));
  return at;
}

export async function removeManifest(lab: Lab, node: string, file: string): Promise<void> {
  await rm(manifestPath(lab, node, file), { force: true });
}

/** The name the kubelet gives a static pod: `<name>-<node>`. */
export const staticPodName = (name: string, node: string): string => `${name}-${node}`;
