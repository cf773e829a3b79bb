/**
 * The kubelet's systemd unit as a kubeadm node has it (kubernetes/release's kubelet.service
 * and kubeadm's 10-kubeadm.conf drop-in), with the kubelab kubelet's real command line: the
 * drop-in's KUBELET_*_ARGS hold its --kubeconfig/--config flags and ExecStart shows the whole
 * command, so `systemctl cat kubelet` → --config → config.yaml → staticPodPath works as on a
 * kubeadm node.
 */
export const KUBELET_UNIT = 'kubelet.service';
export const UNIT_PATH = '/usr/lib/systemd/system/kubelet.service';
export const DROPIN_DIR = '/usr/lib/systemd/system/kubelet.service.d';
export const DROPIN_NAME = '10-kubeadm.conf';
export const DESCRIPTION = 'kubelet: The Kubernetes Node Agent';
export const DOCS = 'https://kubernetes.io/docs/';

/** One argument as systemd's ExecStart= parses it back. */
export function quoteExecArg(arg: string): string {
  if (arg !== '' && /^[^\s"'\\;]+$/.test(arg)) return arg;
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function execLine(commandLine: string[]): string {
  return commandLine.map(quoteExecArg).join(' ');
}

/** The program part of the command line: the binary, or for Node.js up to its script. */
export function programOf(commandLine: string[]): string[] {
  const first = commandLine[0];
  if (first === undefined) return [];
  if (!/(^|\/)node(js)?$/.test(first)) return [first];
  const withValue = new Set(['--import', '--require', '-r', '--loader', '--conditions', '-C']);
  for (let i = 1; i < commandLine.length; i++) {
    const a = commandLine[i] ?? '';
    if (withValue.has(a)) i++;
    else if (!a.startsWith('-')) return commandLine.slice(0, i + 1);
  }
  return commandLine;
}

export function kubeletServiceFile(commandLine: string[]): string {
  const program = programOf(commandLine);
  return [
    '[Unit]',
    `Description=${DESCRIPTION}`,
    `Documentation=${DOCS}`,
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    `ExecStart=${program.length > 0 ? execLine(program) : '/usr/bin/kubelet'}`,
    'Restart=always',
    'StartLimitInterval=0',
    'RestartSec=10',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

function flagsNamed(commandLine: string[], names: string[]): string[] {
  return commandLine.filter((a) => names.some((n) => a.startsWith(`--${n}=`)));
}

export function kubeadmDropIn(commandLine: string[]): string {
  const kubeconfig = flagsNamed(commandLine, ['bootstrap-kubeconfig', 'kubeconfig']);
  const config = flagsNamed(commandLine, ['config']);
  return [
    '# Note: This dropin only works with kubeadm and kubelet v1.11+',
    '[Service]',
    `Environment="KUBELET_KUBECONFIG_ARGS=${kubeconfig.join(' ') || '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf'}"`,
    `Environment="KUBELET_CONFIG_ARGS=${config.join(' ') || '--config=/var/lib/kubelet/config.yaml'}"`,
    '# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically',
    'EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env',
    '# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use',
    '# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.',
    'EnvironmentFile=-/etc/default/kubelet',
    'ExecStart=',
    `ExecStart=${commandLine.length > 0 ? execLine(commandLine) : '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS'}`,
    '',
  ].join('\n');
}

/** `systemctl cat kubelet`: each file under a `# <path>` line, a blank line between them. */
export function systemctlCat(commandLine: string[]): string {
  return `# ${UNIT_PATH}\n${kubeletServiceFile(commandLine)}\n# ${DROPIN_DIR}/${DROPIN_NAME}\n${kubeadmDropIn(commandLine)}`;
}
