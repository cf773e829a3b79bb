/** The three control-plane manifests by file name, in kubeadm's order. */
import type { Pod } from '@kubelab/api';
import type { ControlPlaneComponent, ControlPlaneOptions } from './control-plane-options.js';
import { kubeApiServerPod } from './kube-apiserver-manifest.js';
import { kubeControllerManagerPod } from './kube-controller-manager-manifest.js';
import { kubeSchedulerPod } from './kube-scheduler-manifest.js';

export function controlPlanePods(o: ControlPlaneOptions): { component: ControlPlaneComponent; file: string; pod: Pod }[] {
  return [
    { component: 'kube-apiserver', file: 'kube-apiserver.yaml', pod: kubeApiServerPod(o) },
    { component: 'kube-controller-manager', file: 'kube-controller-manager.yaml', pod: kubeControllerManagerPod(o) },
    { component: 'kube-scheduler', file: 'kube-scheduler.yaml', pod: kubeSchedulerPod(o) },
  ];
}
