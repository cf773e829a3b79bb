/**
 * What the scheduler derives once from a pod (framework.PodInfo): its requests, its non-zero
 * requests for scoring, its priority, host ports and parsed inter-pod affinity terms.
 */
import { labelSelectorFromMeta, type LabelSelectorMatcher, type Pod } from '@kubelab/api';
import { sanitizeHostPort, type HostPort } from './host-ports.js';
import { nonZeroRequests, podRequests, type Resource } from './resource.js';

export interface AffinityTerm {
  namespaces: Set<string>;
  selector: LabelSelectorMatcher;
  topologyKey: string;
  namespaceSelector: LabelSelectorMatcher;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

type PodAffinityTerm = NonNullable<NonNullable<NonNullable<Pod['spec']>['affinity']>['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution'] extends (infer T)[] | undefined ? T : never;

export function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set<string>();
  if ((term.namespaces ?? []).length === 0 && !term.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? '');
  else for (const ns of term.namespaces ?? []) namespaces.add(ns);
  return {
    namespaces,
    selector: labelSelectorFromMeta(term.labelSelector),
    topologyKey: term.topologyKey,
    namespaceSelector: labelSelectorFromMeta(term.namespaceSelector),
  };
}

/** AffinityTerm.Matches: in the term's namespaces (or namespace selector) and matching its labels. */
export function affinityTermMatches(term: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  if (term.namespaces.has(pod.metadata?.namespace ?? '') || term.namespaceSelector.matches(nsLabels ?? {})) {
    return term.selector.matches(pod.metadata?.labels);
  }
  return false;
}

export class PodInfo {
  readonly key: string;
  readonly uid: string;
  readonly requests: Resource;
  readonly nonZero: { milliCPU: number; memory: number };
  readonly priority: number;
  readonly hostPorts: HostPort[];
  readonly requiredAffinityTerms: AffinityTerm[] = [];
  readonly requiredAntiAffinityTerms: AffinityTerm[] = [];
  readonly preferredAffinityTerms: WeightedAffinityTerm[] = [];
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[] = [];
  /** Set when a selector in the affinity terms does not parse. */
  readonly parseError: string | undefined;

  constructor(readonly pod: Pod) {
    this.key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    this.uid = pod.metadata?.uid ?? this.key;
    this.requests = podRequests(pod);
    this.nonZero = nonZeroRequests(pod);
    this.priority = pod.spec?.priority ?? 0;
    this.hostPorts = [];
    for (const c of pod.spec?.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort && p.hostPort > 0) this.hostPorts.push(sanitizeHostPort(p.hostIP, p.protocol, p.hostPort));
      }
    }
    let parseError: string | undefined;
    try {
      const aff = pod.spec?.affinity;
      for (const t of aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
        this.requiredAffinityTerms.push(newAffinityTerm(pod, t));
      }
      for (const t of aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
        this.requiredAntiAffinityTerms.push(newAffinityTerm(pod, t));
      }
      for (const w of aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        this.preferredAffinityTerms.push({ ...newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight });
      }
      for (const w of aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
        this.preferredAntiAffinityTerms.push({ ...newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight });
      }
    } catch (err) {
      parseError = (err as Error).message;
    }
    this.parseError = parseError;
  }

  get namespace(): string {
    return this.pod.metadata?.namespace ?? '';
  }

  get name(): string {
    return this.pod.metadata?.name ?? '';
  }

  /** Has any inter-pod affinity or anti-affinity (NodeInfo.PodsWithAffinity). */
  hasAffinity(): boolean {
    const a = this.pod.spec?.affinity;
    return Boolean(a?.podAffinity || a?.podAntiAffinity);
  }

  hasRequiredAntiAffinity(): boolean {
    return this.requiredAntiAffinityTerms.length > 0;
  }
}
