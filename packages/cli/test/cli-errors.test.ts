/** The command line's help and errors: one line, non-zero exit, no stack unless -v. */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cluster-harness.js';
import { TempDirs } from '@kubelab/api/testing';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, KUBELAB_HOME: join(tmpdir(), 'kubelab-cli-errors-none'), ...extra });

describe('kubelab command line', () => {
  it('describes every command', async () => {
    const root = await runCli(['--help'], env());
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Usage:\n  kubelab [command]');
    for (const c of ['create', 'delete', 'get', 'version']) expect(root.stdout).toMatch(new RegExp(`\\n  ${c} +\\S`));
    const create = await runCli(['create', 'cluster', '--help'], env());
    expect(create.code).toBe(0);
    for (const f of ['--name string', '--workers int', '--config string', '--wait duration', '--retain']) expect(create.stdout).toContain(f);
    for (const argv of [['delete', 'cluster', '-h'], ['get', 'clusters', '--help'], ['get', 'nodes', '--help'], ['get', 'kubeconfig', '--help'], ['version', '--help'], ['get']]) {
      const r = await runCli(argv, env());
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout, argv.join(' ')).toContain('Usage:');
    }
  });

  it('reports unknown commands and flags in one line', async () => {
    const unknown = await runCli(['frobnicate'], env());
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'ERROR: unknown command "frobnicate" for "kubelab"; run \'kubelab --help\' for usage\n' });
    const sub = await runCli(['get', 'pods'], env());
    expect(sub.stderr).toBe('ERROR: unknown command "pods" for "kubelab get"; run \'kubelab get --help\' for usage\n');
    const flag = await runCli(['create', 'cluster', '--wrokers', '2'], env());
    expect(flag).toEqual({ code: 1, stdout: '', stderr: 'ERROR: unknown flag: --wrokers\n' });
    const value = await runCli(['create', 'cluster', '--workers', 'two'], env());
    expect(value.stderr).toBe('ERROR: invalid argument "two" for "--workers" flag: strconv.ParseInt: parsing "two": invalid syntax\n');
    const args = await runCli(['get', 'clusters', 'extra'], env());
    expect(args.code).toBe(1);
    expect(args.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('explains a bad config file and a bad name without touching Docker', async () => {
    const dir = await temp.make('kubelab-cli-');
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'kind: Cluster\napiVersion: kubelab.dev/v1alpha1\nnodes:\n- role: master\n');
    const bad = await runCli(['create', 'cluster', '--config', file], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`ERROR: invalid cluster config "${file}": nodes[0].role: Unsupported value: "master": supported values: "control-plane", "worker"\n`);
    const missing = await runCli(['create', 'cluster', '--config', join(dir, 'nope.yaml')], env());
    expect(missing.stderr).toBe(`ERROR: error reading file: open ${join(dir, 'nope.yaml')}: no such file or directory\n`);
    const name = await runCli(['create', 'cluster', '--name', 'Bad_Name'], env());
    expect(name.stderr).toBe("ERROR: failed to create cluster: 'Bad_Name' is not a valid cluster name, cluster names must match `^[a-z0-9.-]+$`\n");
  });

  it('says when no Docker engine answers, and how to start one; -v adds the stack', async () => {
    const noDocker = env({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    const r = await runCli(['create', 'cluster', '--name', 'nodocker'], noDocker);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'ERROR: failed to create cluster: failed to connect to the Docker daemon at unix:///nonexistent/docker.sock: is the docker daemon running? Start it with: sudo systemctl start docker (or run scripts/ensure-docker.sh)\n',
    );
    const verbose = await runCli(['-v', '1', 'create', 'cluster', '--name', 'nodocker'], noDocker);
    expect(verbose.stderr.split('\n')[0]).toBe(r.stderr.trimEnd());
    expect(verbose.stderr).toContain('    at ');
  });

  it('prints the version and lists no clusters in an empty home', async () => {
    const v = await runCli(['version'], env());
    expect(v.stdout).toMatch(/^kubelab v\d+\.\d+\.\d+ node v\d+\.\d+\.\d+ linux\/\w+\n$/);
    const dir = await temp.make('kubelab-cli-');
    const none = await runCli(['get', 'clusters'], env({ KUBELAB_HOME: dir }));
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'No kubelab clusters found.\n' });
    const kc = await runCli(['get', 'kubeconfig', '--name', 'ghost'], env({ KUBELAB_HOME: dir }));
    expect(kc.stderr).toBe("ERROR: could not locate any control plane nodes for cluster named 'ghost'. Use the --name option to select a different cluster\n");
  });
});
