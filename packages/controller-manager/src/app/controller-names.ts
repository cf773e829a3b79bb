/**
 * The controllers kube-controller-manager 1.32 knows (cmd/kube-controller-manager/names), their
 * old aliases (still accepted by --controllers, as kubeadm's `*,bootstrapsigner,tokencleaner`),
 * the ones off by default, and IsControllerEnabled.
 */

/** Canonical name -> alias (the pre-1.28 name), for every controller of 1.32. */
export const KNOWN_CONTROLLERS: Readonly<Record<string, string>> = {
  'serviceaccount-token-controller': 'serviceaccount-token',
  'endpoints-controller': 'endpoint',
  'endpointslice-controller': 'endpointslice',
  'endpointslice-mirroring-controller': 'endpointslicemirroring',
  'replicationcontroller-controller': 'replicationcontroller',
  'pod-garbage-collector-controller': 'podgc',
  'resourcequota-controller': 'resourcequota',
  'namespace-controller': 'namespace',
  'serviceaccount-controller': 'serviceaccount',
  'garbage-collector-controller': 'garbagecollector',
  'daemonset-controller': 'daemonset',
  'job-controller': 'job',
  'deployment-controller': 'deployment',
  'replicaset-controller': 'replicaset',
  'horizontal-pod-autoscaler-controller': 'horizontalpodautoscaling',
  'disruption-controller': 'disruption',
  'statefulset-controller': 'statefulset',
  'cronjob-controller': 'cronjob',
  'certificatesigningrequest-signing-controller': 'csrsigning',
  'certificatesigningrequest-approving-controller': 'csrapproving',
  'certificatesigningrequest-cleaner-controller': 'csrcleaner',
  'ttl-controller': 'ttl',
  'bootstrap-signer-controller': 'bootstrapsigner',
  'token-cleaner-controller': 'tokencleaner',
  'node-ipam-controller': 'nodeipam',
  'node-lifecycle-controller': 'nodelifecycle',
  'taint-eviction-controller': 'taint-eviction-controller',
  'service-lb-controller': 'service',
  'node-route-controller': 'route',
  'cloud-node-lifecycle-controller': 'cloud-node-lifecycle',
  'persistentvolume-binder-controller': 'persistentvolume-binder',
  'persistentvolume-attach-detach-controller': 'attachdetach',
  'persistentvolume-expander-controller': 'persistentvolume-expander',
  'clusterrole-aggregation-controller': 'clusterrole-aggregation',
  'persistentvolumeclaim-protection-controller': 'pvc-protection',
  'persistentvolume-protection-controller': 'pv-protection',
  'ttl-after-finished-controller': 'ttl-after-finished',
  'root-ca-certificate-publisher-controller': 'root-ca-cert-publisher',
  'ephemeral-volume-controller': 'ephemeral-volume',
  'storageversion-garbage-collector-controller': 'storage-version-gc',
  'resourceclaim-controller': 'resource-claim-controller',
  'legacy-serviceaccount-token-cleaner-controller': 'legacy-service-account-token-cleaner',
  'validatingadmissionpolicy-status-controller': 'validatingadmissionpolicy-status-controller',
  'service-cidr-controller': 'service-cidr-controller',
  'storage-version-migrator-controller': 'storage-version-migrator-controller',
  'selinux-warning-controller': 'selinux-warning-controller',
};

/** ControllersDisabledByDefault (plus the alpha controllers behind feature gates). */
export const DISABLED_BY_DEFAULT = new Set([
  'bootstrap-signer-controller',
  'token-cleaner-controller',
  'selinux-warning-controller',
  'storage-version-migrator-controller',
]);

const ALIAS_TO_NAME = new Map(
  Object.entries(KNOWN_CONTROLLERS).map(([name, alias]) => [alias, name]),
);

/** The canonical name of a controller (or alias); undefined when unknown. */
export function canonicalControllerName(name: string): string | undefined {
  if (KNOWN_CONTROLLERS[name] !== undefined) return name;
  return ALIAS_TO_NAME.get(name);
}

/** Validation of --controllers: one message per unknown entry. */
export function validateControllers(list: readonly string[]): string[] {
  const errs: string[] = [];
  for (const c of list) {
    if (c === '*') continue;
    const name = c.startsWith('-') ? c.slice(1) : c;
    if (!canonicalControllerName(name))
      errs.push(`"${name}" is not in the list of known controllers`);
  }
  return errs;
}

/** IsControllerEnabled with aliases resolved: an explicit entry wins, then `*` minus the off ones. */
export function isControllerEnabled(name: string, list: readonly string[]): boolean {
  let star = false;
  for (const c of list) {
    if (c === '*') star = true;
    else if (c.startsWith('-') ? canonicalControllerName(c.slice(1)) === name : false) return false;
    else if (canonicalControllerName(c) === name) return true;
  }
  return star && !DISABLED_BY_DEFAULT.has(name);
}
