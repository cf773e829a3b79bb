/**
 * The node tools on the PATH of a node's view: small shell scripts in the node root's
 * /usr/local/bin (crictl, docker, systemctl, journalctl) that run this CLI's `node tool` for
 * the node, with KUBELAB_HOME in their environment, so they work under sudo or `env -i` too.
 * Also the rc file of `kubelab node ssh`'s shell.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_BUNDLE, cliPackageRoot } from '../bundle/bundle-paths.js';
import { kubelabHome } from '../cluster/layout.js';
import type { NodeTarget } from './node-target.js';
import { NODE_TOOLS } from './tools/node-tool.js';

/** Node-view directory of the tools (first on the view's PATH, through its host path). */
export const NODE_TOOLS_DIR = '/usr/local/bin';
export const SHELL_RC = '/usr/local/etc/kubelab-shell.rc';

/**
 * The command line of one node tool for this node, up to the tool's name: the CLI bundle's
 * `kubelab node tool` when running from the bundle (dist/bundles/kubelab.mjs) or the compiled
 * dist/main.js, else the source entry node-tool-main.ts through tsx.
 */
export function nodeToolCommandLine(target: NodeTarget, moduleUrl: string = import.meta.url): string[] {
  const here = fileURLToPath(moduleUrl);
  const which = ['--name', target.cluster.name, target.node.name, '--'];
  if (!here.endsWith('.ts')) {
    const root = cliPackageRoot(here);
    const bundle = join(root, 'dist', 'bundles', CLI_BUNDLE);
    const main = here.endsWith(`/${CLI_BUNDLE}`) ? here : existsSync(bundle) ? bundle : join(root, 'dist', 'main.js');
    return [process.execPath, main, 'node', 'tool', ...which];
  }
  const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
  return [process.execPath, '--conditions=development', '--import', tsx, join(dirname(here), 'tools', 'node-tool-main.ts'), ...which];
}

/** Single-quoted for sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function shimScript(tool: string, target: NodeTarget, opts: { home: string; commandLine: string[]; binDir: string }): string {
  const env = [
    `KUBELAB_HOME=${shQuote(opts.home)}`,
    `KUBELAB_CLUSTER=${shQuote(target.cluster.name)}`,
    `KUBELAB_NODE=${shQuote(target.node.name)}`,
    `KUBELAB_NODE_BIN=${shQuote(opts.binDir)}`,
  ];
  return [
    '#!/bin/sh',
    `# ${tool} on kubelab node ${target.node.name} (cluster ${target.cluster.name}), written by kubelab`,
    `${env.join(' ')} exec ${opts.commandLine.map(shQuote).join(' ')} ${tool} "$@"`,
    '',
  ].join('\n');
}

export function shellRc(binDir: string): string {
  return [
    '# The shell of `kubelab node ssh`: a login environment, the node tools first on PATH.',
    '[ -r /etc/profile ] && . /etc/profile',
    'if [ -n "$BASH_VERSION" ] && [ -r "$HOME/.bashrc" ]; then . "$HOME/.bashrc"; fi',
    `PATH=${shQuote(binDir)}:"$PATH"; export PATH`,
    'if [ -n "$BASH_VERSION" ]; then',
    "  case \"$PS1\" in *'\\h'*) ;; *) PS1='\\u@\\h:\\w\\$ ' ;; esac",
    'else',
    '  PS1="$(id -un)@$(hostname):# "',
    'fi',
    'cd "$HOME" 2>/dev/null || cd /',
    '',
  ].join('\n');
}

async function writeIfChanged(path: string, content: string, mode: number): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, path);
}

export interface NodeToolFiles {
  /** Host path of the tools' directory. */
  binDir: string;
  /** Host path of the shell rc file. */
  shellRc: string;
}

/** Writes (when changed) the node tools and the shell rc under the node root. */
export async function ensureNodeToolFiles(target: NodeTarget, env: NodeJS.ProcessEnv = process.env, commandLine = nodeToolCommandLine(target)): Promise<NodeToolFiles> {
  const binDir = join(target.node.root, NODE_TOOLS_DIR);
  const home = kubelabHome(env);
  await Promise.all(NODE_TOOLS.map((tool) => writeIfChanged(join(binDir, tool), shimScript(tool, target, { home, commandLine, binDir }), 0o755)));
  const rc = join(target.node.root, SHELL_RC);
  await writeIfChanged(rc, shellRc(binDir), 0o644);
  return { binDir, shellRc: rc };
}
