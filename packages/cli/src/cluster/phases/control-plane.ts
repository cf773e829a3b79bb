/**
 * [control-plane]: kube-apiserver.yaml, kube-controller-manager.yaml and kube-scheduler.yaml in
 * the control-plane node's manifest directory (0700), each file 0600, as kubeadm's
 * WriteStaticPodToDisk leaves them; the kubelet boots the control plane from these alone.
 */
import { controlPlanePods } from '../manifests/control-plane-manifests.js';
import { manifestYaml } from '../manifests/static-pod.js';
import { makeNodeDir, writeNodeFile } from '../node-files.js';
import { controlPlaneOf, recordOf, type Phase } from './create-context.js';

export const controlPlanePhase: Phase = {
  name: 'control-plane',
  title: 'Writing the control-plane static Pod manifests',
  async run(ctx) {
    const record = recordOf(ctx);
    const cp = controlPlaneOf(ctx);
    if (!ctx.images || !record.componentPorts) throw new Error('internal error: images or ports not decided');
    const dir = cp.staticPodPath;
    if (!dir) throw new Error(`the control-plane node "${cp.name}" has no staticPodPath: its kubelet could not boot the control plane`);
    ctx.progress.line(`[control-plane] Using manifest folder "${dir}"`);
    await makeNodeDir(cp.root, dir, 0o700);
    const pods = controlPlanePods({
      advertiseAddress: record.apiServer.advertiseAddress,
      apiServerPort: record.apiServer.port,
      schedulerPort: record.componentPorts.kubeScheduler,
      controllerManagerPort: record.componentPorts.kubeControllerManager,
      images: ctx.images,
    });
    for (const { component, file, pod } of pods) {
      ctx.progress.line(`[control-plane] Creating static Pod manifest for "${component}"`);
      await writeNodeFile(cp.root, `${dir}/${file}`, manifestYaml(pod), 0o600);
    }
  },
};
