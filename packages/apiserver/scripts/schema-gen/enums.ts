/**
 * Enum values of string fields. Upstream marks the Go types of these fields `+enum`, and
 * kube-openapi then adds an `enum` array to the field's schema and appends a "Possible enum
 * values" paragraph (one line per value, from the constants' doc comments) to its description;
 * `kubectl explain` prints both. kubernetes-types drops them, so this table restates them.
 *
 * Source: the schemas Kubernetes generates from `+enum` types (pkg/generated/openapi/
 * zz_generated.openapi.go in kubernetes/kubernetes, the code that builds the served OpenAPI
 * documents; the checked-in api/openapi-spec files are produced without enums). The stored
 * version read is newer than v1.32: values added after v1.32 (Toleration operators Lt/Gt) are
 * left out, and fields that only exist in newer versions never match a kubernetes-types
 * property. Keys are upstream definition names, then property names; for array properties the
 * enum applies to `items` (upstream appends no paragraph there).
 */

export interface EnumInfo {
  values: readonly string[];
  /** Text upstream appends to the description ('' when it appends none, as for arrays). */
  doc: string;
}

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const BATCH = 'io.k8s.api.batch.v1';

/** One value per line, `` - `"Value"` comment `` (a bare line when the constant has none). */
function e(values: readonly string[], comments: readonly string[] = []): EnumInfo {
  const lines = values.map((v, i) => {
    const comment = comments[i];
    return comment ? ` - \`"${v}"\` ${comment}` : ` - \`"${v}"\``;
  });
  return { values, doc: `\n\nPossible enum values:\n${lines.join('\n')}` };
}

/** Enum on the items of an array property: no paragraph. */
function items(values: readonly string[]): EnumInfo {
  return { values, doc: '' };
}

const protocol = e(
  ['SCTP', 'TCP', 'UDP'],
  ['is the SCTP protocol.', 'is the TCP protocol.', 'is the UDP protocol.'],
);

const taintEffect = e(
  ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  [
    'Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.',
    'Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.',
    'Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.',
  ],
);

const nodeInclusionPolicy = e(
  ['Honor', 'Ignore'],
  [
    'means use this scheduling directive when calculating pod topology spread skew.',
    'means ignore this scheduling directive when calculating pod topology spread skew.',
  ],
);

const containerEnums: Record<string, EnumInfo> = {
  imagePullPolicy: e(
    ['Always', 'IfNotPresent', 'Never'],
    [
      'means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
      "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.",
      "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present",
    ],
  ),
  terminationMessagePolicy: e(
    ['FallbackToLogsOnError', 'File'],
    [
      'will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.',
      "is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits.",
    ],
  ),
};

const accessModes = items(['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']);

/** By upstream definition name, then property name. */
export const ENUMS: Readonly<Record<string, Readonly<Record<string, EnumInfo>>>> = {
  [`${APPS}.DaemonSetUpdateStrategy`]: {
    type: e(
      ['OnDelete', 'RollingUpdate'],
      [
        "Replace the old daemons only when it's killed",
        'Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.',
      ],
    ),
  },
  [`${APPS}.DeploymentStrategy`]: {
    type: e(
      ['Recreate', 'RollingUpdate'],
      [
        'Kill all existing pods before creating new ones.',
        'Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
      ],
    ),
  },
  [`${BATCH}.CronJobSpec`]: {
    concurrencyPolicy: e(
      ['Allow', 'Forbid', 'Replace'],
      [
        'allows CronJobs to run concurrently.',
        "forbids concurrent runs, skipping next run if previous hasn't finished yet.",
        'cancels currently running job and replaces it with a new one.',
      ],
    ),
  },
  [`${BATCH}.JobSpec`]: {
    completionMode: e(
      ['Indexed', 'NonIndexed'],
      [
        'is a Job completion mode. In this mode, the Pods of a Job get an associated completion index from 0 to (.spec.completions - 1). The Job is considered complete when a Pod completes for each completion index.',
        'is a Job completion mode. In this mode, the Job is considered complete when there have been .spec.completions successfully completed Pods. Pod completions are homologous to each other.',
      ],
    ),
    podReplacementPolicy: e(
      ['Failed', 'TerminatingOrFailed'],
      [
        'means to wait until a previously created Pod is fully terminated (has phase Failed or Succeeded) before creating a replacement Pod.',
        'means that we recreate pods when they are terminating (has a metadata.deletionTimestamp) or failed.',
      ],
    ),
  },
  [`${BATCH}.PodFailurePolicyOnExitCodesRequirement`]: { operator: e(['In', 'NotIn']) },
  [`${BATCH}.PodFailurePolicyRule`]: {
    action: e(
      ['Count', 'FailIndex', 'FailJob', 'Ignore'],
      [
        "This is an action which might be taken on a pod failure - the pod failure is handled in the default way - the counter towards .backoffLimit, represented by the job's .status.failed field, is incremented.",
        "This is an action which might be taken on a pod failure - mark the Job's index as failed to avoid restarts within this index. This action can only be used when backoffLimitPerIndex is set.",
        "This is an action which might be taken on a pod failure - mark the pod's job as Failed and terminate all running pods.",
        "This is an action which might be taken on a pod failure - the counter towards .backoffLimit, represented by the job's .status.failed field, is not incremented and a replacement pod is created.",
      ],
    ),
  },
  [`${CORE}.AppArmorProfile`]: {
    type: e(
      ['Localhost', 'RuntimeDefault', 'Unconfined'],
      [
        'indicates that a profile pre-loaded on the node should be used.',
        "indicates that the container runtime's default AppArmor profile should be used.",
        'indicates that no AppArmor profile should be enforced.',
      ],
    ),
  },
  [`${CORE}.AzureDiskVolumeSource`]: {
    cachingMode: e(['None', 'ReadOnly', 'ReadWrite']),
    kind: e(['Dedicated', 'Managed', 'Shared']),
  },
  [`${CORE}.Container`]: containerEnums,
  [`${CORE}.ContainerPort`]: { protocol },
  [`${CORE}.EndpointPort`]: { protocol },
  [`${CORE}.EphemeralContainer`]: containerEnums,
  [`${CORE}.HTTPGetAction`]: {
    scheme: e(
      ['HTTP', 'HTTPS'],
      ['means that the scheme used will be http://', 'means that the scheme used will be https://'],
    ),
  },
  [`${CORE}.HostPathVolumeSource`]: {
    type: e(
      [
        '',
        'BlockDevice',
        'CharDevice',
        'Directory',
        'DirectoryOrCreate',
        'File',
        'FileOrCreate',
        'Socket',
      ],
      [
        'For backwards compatible, leave it empty if unset',
        'A block device must exist at the given path',
        'A character device must exist at the given path',
        'A directory must exist at the given path',
        'If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.',
        'A file must exist at the given path',
        'If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.',
        'A UNIX socket must exist at the given path',
      ],
    ),
  },
  [`${CORE}.VolumeMount`]: {
    mountPropagation: e(
      ['Bidirectional', 'HostToContainer', 'None'],
      [
        'means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rshared" in Linux terminology).',
        'means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rslave" in Linux terminology).',
        'means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode corresponds to "private" in Linux terminology.',
      ],
    ),
  },
  [`${CORE}.NamespaceStatus`]: {
    phase: e(
      ['Active', 'Terminating'],
      [
        'means the namespace is available for use in the system',
        'means the namespace is undergoing graceful termination',
      ],
    ),
  },
  [`${CORE}.NodeSelectorRequirement`]: {
    operator: e(['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn']),
  },
  [`${CORE}.NodeStatus`]: {
    phase: e(
      ['Pending', 'Running', 'Terminated'],
      [
        'means the node has been created/added by the system, but not configured.',
        'means the node has been configured and has Kubernetes components running.',
        'means the node has been removed from the cluster.',
      ],
    ),
  },
  [`${CORE}.PersistentVolumeClaimSpec`]: {
    accessModes,
    volumeMode: e(
      ['Block', 'Filesystem'],
      [
        'means the volume will not be formatted with a filesystem and will remain a raw block device.',
        'means the volume will be or is formatted with a filesystem.',
      ],
    ),
  },
  [`${CORE}.PodSecurityContext`]: {
    fsGroupChangePolicy: e(
      ['Always', 'OnRootMismatch'],
      [
        "indicates that volume's ownership and permissions should always be changed whenever volume is mounted inside a Pod. This the default behavior.",
        "indicates that volume's ownership and permissions will be changed only when permission and ownership of root directory does not match with expected permissions on the volume. This can help shorten the time it takes to change ownership and permissions of a volume.",
      ],
    ),
    supplementalGroupsPolicy: e(
      ['Merge', 'Strict'],
      [
        "means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be merged with the primary user's groups as defined in the container image (in /etc/group).",
        "means that the container's provided SupplementalGroups and FsGroup (specified in SecurityContext) will be used instead of any groups defined in the container image.",
      ],
    ),
  },
  [`${CORE}.PodSpec`]: {
    dnsPolicy: e(
      ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
      [
        'indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.',
        'indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.',
        'indicates that the pod should use the default (as determined by kubelet) DNS settings.',
        'indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.',
      ],
    ),
    preemptionPolicy: e(
      ['Never', 'PreemptLowerPriority'],
      [
        'means that pod never preempts other pods with lower priority.',
        'means that pod can preempt other pods with lower priority.',
      ],
    ),
    restartPolicy: e(['Always', 'Never', 'OnFailure']),
  },
  [`${CORE}.PodStatus`]: {
    phase: e(
      ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
      [
        'means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).',
        'means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.',
        'means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.',
        'means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.',
        "means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn't being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)",
      ],
    ),
    qosClass: e(
      ['BestEffort', 'Burstable', 'Guaranteed'],
      [
        'is the BestEffort qos class.',
        'is the Burstable qos class.',
        'is the Guaranteed qos class.',
      ],
    ),
  },
  [`${CORE}.PortStatus`]: { protocol },
  [`${CORE}.SeccompProfile`]: {
    type: e(
      ['Localhost', 'RuntimeDefault', 'Unconfined'],
      [
        "indicates a profile defined in a file on the node should be used. The file's location relative to <kubelet-root-dir>/seccomp.",
        'represents the default container runtime seccomp profile.',
        'indicates no seccomp profile is applied (A.K.A. unconfined).',
      ],
    ),
  },
  [`${CORE}.SecurityContext`]: {
    procMount: e(
      ['Default', 'Unmasked'],
      [
        'uses the container runtime defaults for readonly and masked paths for /proc. Most container runtimes mask certain paths in /proc to avoid accidental security exposure of special devices or information.',
        'bypasses the default masking behavior of the container runtime and ensures the newly created /proc the container stays in tact with no modifications.',
      ],
    ),
  },
  [`${CORE}.ServicePort`]: { protocol },
  [`${CORE}.ServiceSpec`]: {
    externalTrafficPolicy: e(
      ['Cluster', 'Local'],
      [
        'routes traffic to all endpoints.',
        'preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints).',
      ],
    ),
    internalTrafficPolicy: e(
      ['Cluster', 'Local'],
      [
        'routes traffic to all endpoints.',
        'routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints).',
      ],
    ),
    ipFamilies: items(['', 'IPv4', 'IPv6']),
    ipFamilyPolicy: e(
      ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
      [
        'indicates that this service prefers dual-stack when the cluster is configured for dual-stack. If the cluster is not configured for dual-stack the service will be assigned a single IPFamily. If the IPFamily is not set in service.spec.ipFamilies then the service will be assigned the default IPFamily configured on the cluster',
        'indicates that this service requires dual-stack. Using IPFamilyPolicyRequireDualStack on a single stack cluster will result in validation errors. The IPFamilies (and their order) assigned to this service is based on service.spec.ipFamilies. If service.spec.ipFamilies was not provided then it will be assigned according to how they are configured on the cluster. If service.spec.ipFamilies has only one entry then the alternative IPFamily will be added by apiserver',
        'indicates that this service is required to have a single IPFamily. The IPFamily assigned is based on the default IPFamily used by the cluster or as identified by service.spec.ipFamilies field',
      ],
    ),
    sessionAffinity: e(['ClientIP', 'None'], ['is the Client IP based.', '- no session affinity.']),
    type: e(
      ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
      [
        'means a service will only be accessible inside the cluster, via the cluster IP.',
        'means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.',
        "means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.",
        "means a service will be exposed on one port of every node, in addition to 'ClusterIP' type.",
      ],
    ),
  },
  [`${CORE}.Taint`]: { effect: taintEffect },
  [`${CORE}.Toleration`]: { effect: taintEffect, operator: e(['Equal', 'Exists']) },
  [`${CORE}.TopologySpreadConstraint`]: {
    nodeAffinityPolicy: nodeInclusionPolicy,
    nodeTaintsPolicy: nodeInclusionPolicy,
    whenUnsatisfiable: e(
      ['DoNotSchedule', 'ScheduleAnyway'],
      [
        'instructs the scheduler not to schedule the pod when constraints are not satisfied.',
        'instructs the scheduler to schedule the pod even if constraints are not satisfied.',
      ],
    ),
  },
  'io.k8s.api.discovery.v1.EndpointSlice': {
    addressType: e(
      ['FQDN', 'IPv4', 'IPv6'],
      ['represents a FQDN.', 'represents an IPv4 Address.', 'represents an IPv6 Address.'],
    ),
  },
  'io.k8s.api.discovery.v1.EndpointPort': { protocol },
};

export function enumFor(typeName: string, property: string): EnumInfo | undefined {
  return ENUMS[typeName]?.[property];
}
