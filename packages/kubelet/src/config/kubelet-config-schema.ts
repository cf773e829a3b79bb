/**
 * The shape of a v1beta1 KubeletConfiguration for decoding: Go types for the fields kubelab
 * uses (so type errors read as encoding/json's), every other upstream field accepted as is,
 * and the paths of fields upstream does not know (strict decoding errors).
 */
import { parseQuantity } from '@kubelab/api';
import { parseGoDuration } from './go-duration.js';

type Scalar = 'string' | 'bool' | 'int32' | 'float64' | 'duration' | 'quantity' | 'any';
type Collection = 'map[string]string' | 'map[string][]string' | '[]string';
interface Struct {
  name: string;
  fields: Record<string, Field>;
}
type Field = Scalar | Collection | Struct | { list: Struct };

const TAINT: Struct = {
  name: 'Taint',
  fields: { key: 'string', value: 'string', effect: 'string', timeAdded: 'any' },
};

/** Upstream v1beta1 fields kubelab does not use: accepted, not checked. */
const IGNORED = `enableServer podLogsDir tlsCipherSuites tlsCurvePreferences tlsMinVersion
rotateCertificates serverTLSBootstrap registryPullQPS registryBurst
imagePullCredentialsVerificationPolicy preloadedImagesVerificationAllowlist eventRecordQPS eventBurst
enableDebuggingHandlers enableContentionProfiling oomScoreAdj streamingConnectionIdleTimeout
imageMinimumGCAge imageMaximumGCAge imageGCHighThresholdPercent imageGCLowThresholdPercent
volumeStatsAggPeriod kubeletCgroups systemCgroups cgroupRoot cgroupsPerQOS cpuManagerPolicy
singleProcessOOMKill cpuManagerPolicyOptions cpuManagerReconcilePeriod draManagerReconcilePeriod
memoryManagerPolicy topologyManagerPolicy topologyManagerScope topologyManagerPolicyOptions qosReserved
runtimeRequestTimeout hairpinMode podCIDR podPidsLimit resolvConf runOnce cpuCFSQuota cpuCFSQuotaPeriod
nodeStatusMaxImages maxOpenFiles contentType kubeAPIQPS kubeAPIBurst serializeImagePulls
maxParallelImagePulls evictionSoft evictionSoftGracePeriod evictionPressureTransitionPeriod
evictionMaxPodGracePeriod evictionMinimumReclaim mergeDefaultEvictionSettings enableControllerAttachDetach
protectKernelDefaults makeIPTablesUtilChains iptablesMasqueradeBit iptablesDropBit featureGates failSwapOn
memorySwap containerLogMaxSize containerLogMaxFiles containerLogMaxWorkers containerLogMonitorInterval
configMapAndSecretChangeDetectionStrategy reservedSystemCPUs showHiddenMetricsForVersion
systemReservedCgroup kubeReservedCgroup enforceNodeAllocatable allowedUnsafeSysctls volumePluginDir
providerID kernelMemcgNotification logging enableSystemLogHandler enableSystemLogQuery shutdownGracePeriod
shutdownGracePeriodCriticalPods shutdownGracePeriodByPodPriority crashLoopBackOff reservedMemory
enableProfilingHandler enableDebugFlagsHandler seccompDefault memoryThrottlingFactor
memoryReservationPolicy tracing localStorageCapacityIsolation imageServiceEndpoint failCgroupV1
userNamespaces`.split(/\s+/);

export const KUBELET_CONFIGURATION: Struct = {
  name: 'KubeletConfiguration',
  fields: {
    ...Object.fromEntries(IGNORED.map((f) => [f, 'any' as const])),
    apiVersion: 'string',
    kind: 'string',
    staticPodPath: 'string',
    syncFrequency: 'duration',
    fileCheckFrequency: 'duration',
    httpCheckFrequency: 'duration',
    staticPodURL: 'string',
    staticPodURLHeader: 'map[string][]string',
    address: 'string',
    port: 'int32',
    readOnlyPort: 'int32',
    tlsCertFile: 'string',
    tlsPrivateKeyFile: 'string',
    authentication: {
      name: 'KubeletAuthentication',
      fields: {
        x509: { name: 'KubeletX509Authentication', fields: { clientCAFile: 'string' } },
        webhook: {
          name: 'KubeletWebhookAuthentication',
          fields: { enabled: 'bool', cacheTTL: 'duration' },
        },
        anonymous: { name: 'KubeletAnonymousAuthentication', fields: { enabled: 'bool' } },
      },
    },
    authorization: {
      name: 'KubeletAuthorization',
      fields: {
        mode: 'string',
        webhook: {
          name: 'KubeletWebhookAuthorization',
          fields: { cacheAuthorizedTTL: 'duration', cacheUnauthorizedTTL: 'duration' },
        },
      },
    },
    healthzPort: 'int32',
    healthzBindAddress: 'string',
    clusterDomain: 'string',
    clusterDNS: '[]string',
    nodeStatusUpdateFrequency: 'duration',
    nodeStatusReportFrequency: 'duration',
    nodeLeaseDurationSeconds: 'int32',
    cgroupDriver: 'string',
    maxPods: 'int32',
    podsPerCore: 'int32',
    evictionHard: 'map[string]string',
    systemReserved: 'map[string]string',
    kubeReserved: 'map[string]string',
    registerWithTaints: { list: TAINT },
    registerNode: 'bool',
    containerRuntimeEndpoint: 'string',
    'kubelab.io/capacity': {
      name: 'KubeletCapacity',
      fields: { cpu: 'quantity', memory: 'quantity', pods: 'int32' },
    },
  },
};

const jsonType = (v: unknown): string =>
  Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : v === null ? 'null' : typeof v;

export interface DecodeContext {
  /** Paths of fields the schema does not know, for the strict decoding error. */
  unknown: string[];
}

class Decoder {
  constructor(private readonly ctx: DecodeContext) {}

  private typeError(v: unknown, struct: string, path: string, goType: string): Error {
    const value = typeof v === 'number' && !/^int/.test(goType) ? 'number' : jsonType(v);
    const shown = typeof v === 'number' && /^int/.test(goType) ? `number ${String(v)}` : value;
    return new Error(
      `json: cannot unmarshal ${shown} into Go struct field ${struct}.${path} of type ${goType}`,
    );
  }

  value(v: unknown, f: Field, struct: string, path: string): unknown {
    if (f === 'any') return v;
    if (typeof f === 'object') {
      if ('list' in f) {
        if (!Array.isArray(v)) throw this.typeError(v, struct, path, `[]v1.${f.list.name}`);
        return v.map((x, i) =>
          this.struct(x, f.list, { struct, goPath: path, strictPath: `${path}[${i}]` }),
        );
      }
      return this.struct(v, f, { struct, goPath: path, strictPath: path });
    }
    switch (f) {
      case 'string':
      case 'bool':
        if (jsonType(v) !== (f === 'bool' ? 'bool' : 'string'))
          throw this.typeError(v, struct, path, f);
        return v;
      case 'int32':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) {
          throw this.typeError(v, struct, path, 'int32');
        }
        return v;
      case 'float64':
        if (typeof v !== 'number') throw this.typeError(v, struct, path, 'float64');
        return v;
      case 'duration':
        if (typeof v !== 'string')
          throw new Error(`json: cannot unmarshal ${jsonType(v)} into Go value of type string`);
        return parseGoDuration(v);
      case 'quantity':
        parseQuantity(typeof v === 'string' ? v.trim() : String(v));
        return String(v);
      case '[]string':
        if (!Array.isArray(v)) throw this.typeError(v, struct, path, '[]string');
        return v.map((x) => this.value(x, 'string', struct, path));
      default:
        return this.map(v, f, struct, path);
    }
  }

  private map(v: unknown, f: Collection, struct: string, path: string): unknown {
    if (jsonType(v) !== 'object') throw this.typeError(v, struct, path, f);
    const inner: Field = f === 'map[string]string' ? 'string' : '[]string';
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== null) out[k] = this.value(x, inner, struct, `${path}.${k}`);
    }
    return out;
  }

  /**
   * `at.goPath` names fields in type errors (no indices), `at.strictPath` in unknown-field
   * errors; `at.struct` is the enclosing struct, named in a type error about this one.
   */
  struct(
    v: unknown,
    s: Struct,
    at: { struct: string; goPath: string; strictPath: string },
  ): Record<string, unknown> {
    const { goPath, strictPath } = at;
    if (jsonType(v) !== 'object') throw this.typeError(v, at.struct, goPath, `v1beta1.${s.name}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const f = s.fields[k];
      const sub = strictPath ? `${strictPath}.${k}` : k;
      if (!f) {
        this.ctx.unknown.push(sub);
        continue;
      }
      if (x === null) continue;
      const goSub = goPath ? `${goPath}.${k}` : k;
      out[k] =
        typeof f === 'object' && !('list' in f)
          ? this.struct(x, f, { struct: s.name, goPath: goSub, strictPath: sub })
          : this.value(x, f, s.name, goSub);
    }
    return out;
  }
}

/** Decodes the object into the schema's Go types; throws the first type error, as encoding/json does. */
export function decodeWithSchema(
  obj: Record<string, unknown>,
  ctx: DecodeContext,
): Record<string, unknown> {
  return new Decoder(ctx).struct(obj, KUBELET_CONFIGURATION, {
    struct: '',
    goPath: '',
    strictPath: '',
  });
}
