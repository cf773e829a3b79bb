/**
 * Containers and init containers of a pod spec (pkg/apis/core/validation validateContainerCommon,
 * validateContainers, validateInitContainers, validateContainerPorts, checkHostPortConflicts).
 */
import type { Container, ContainerPort, Volume } from 'kubernetes-types/core/v1.js';
import {
  duplicate,
  forbiddenField,
  invalidValue,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from './field-errors.js';
import { validateDNS1123Label } from './common.js';
import { validateEnv, validateEnvFrom } from './container-env.js';
import { isValidGroupID, isValidPortName, isValidPortNum, isValidUserID } from './names.js';
import { validateContainerProbe, validateLifecycle } from './probes.js';
import { validateContainerResources } from './resource-requirements.js';
import { validateVolumeMounts } from './volumes.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validateContainerPorts(ports: ContainerPort[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const ip = p.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalidValue(ip.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(ip.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(ip.child('containerPort')));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalidValue(ip.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalidValue(ip.child('hostPort'), port.hostPort, m));
    const protocol = port.protocol ?? '';
    if (!protocol) errs.push(required(ip.child('protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(ip.child('protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` must be unique. */
export function checkHostPortConflicts(containers: Container[], p: FieldPath, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(p.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateSecurityContext(c: Container, p: FieldPath): FieldError[] {
  const sc = c.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.runAsUser !== undefined) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalidValue(p.child('runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup !== undefined) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalidValue(p.child('runAsGroup'), sc.runAsGroup, m));
  if (sc.procMount !== undefined && sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') {
    errs.push(notSupported(p.child('procMount'), sc.procMount, ['Default', 'Unmasked']));
  }
  return errs;
}

/** Checks shared by regular and init containers. */
function validateContainerCommon(c: Container, volumes: Map<string, Volume>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(p.child('name')));
  else errs.push(...validateDNS1123Label(c.name, p.child('name')));
  if (!c.image) errs.push(required(p.child('image')));
  const tmp = c.terminationMessagePolicy ?? '';
  if (!tmp) errs.push(required(p.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(p.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, p.child('ports')));
  errs.push(...validateEnv(c.env, p.child('env')));
  errs.push(...validateEnvFrom(c.envFrom, p.child('envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, c, p.child('volumeMounts')));
  const pull = c.imagePullPolicy ?? '';
  if (!pull) errs.push(required(p.child('imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(p.child('imagePullPolicy'), pull, PULL_POLICIES));
  errs.push(...validateContainerResources(c.resources, p.child('resources')));
  errs.push(...validateSecurityContext(c, p.child('securityContext')));
  return errs;
}

function validateProbesAndLifecycle(c: Container, grace: number | undefined, p: FieldPath): FieldError[] {
  const errs = c.lifecycle ? validateLifecycle(c.lifecycle, grace, p.child('lifecycle')) : [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    errs.push(...validateContainerProbe(kind, c[kind], grace, p.child(kind)));
  }
  return errs;
}

export function validateContainers(
  containers: Container[] | undefined,
  volumes: Map<string, Volume>,
  grace: number | undefined,
  p: FieldPath,
): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(p)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const cp = p.index(i);
    errs.push(...validateContainerCommon(c, volumes, cp));
    if (names.has(c.name)) errs.push(duplicate(cp.child('name'), c.name));
    else names.add(c.name);
    errs.push(...validateProbesAndLifecycle(c, grace, cp));
    if (c.restartPolicy !== undefined) errs.push(forbiddenField(cp.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(list, p));
  return errs;
}

const INIT_FORBIDDEN = 'may not be set for init containers without restartPolicy=Always';

export function validateInitContainers(
  containers: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: Map<string, Volume>,
  grace: number | undefined,
  p: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (containers ?? []).forEach((c, i) => {
    const cp = p.index(i);
    errs.push(...validateContainerCommon(c, volumes, cp));
    let restartAlways = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(cp.child('restartPolicy'), c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    if (names.has(c.name)) errs.push(duplicate(cp.child('name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], p));
    if (restartAlways) {
      errs.push(...validateProbesAndLifecycle(c, grace, cp));
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[field]) errs.push(forbiddenField(cp.child(field), INIT_FORBIDDEN));
      }
    }
  });
  return errs;
}

/** validateContainersOnlyForPod: no leading or trailing whitespace in images of real pods. */
export function validateContainersOnlyForPod(containers: Container[] | undefined, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const image = c.image ?? '';
    if (image.length !== image.trim().length) {
      errs.push(invalidValue(p.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    }
  });
  return errs;
}
