/**
 * Matrix rows that talk to a running pod: logs (--previous, --since, -l, --all-containers),
 * exec (exit codes, stdin), cp, port-forward, describe pod, events --for.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { command } from './matrix-command.js';
import { equal, failed, hasHeader, matches, succeeded } from './matrix-check.js';
import { IMAGE } from './matrix-manifests.js';
import { portForwardGet } from './matrix-port-forward.js';

export const podCommands = [
  command('describe pod', async (x) => {
    const out = succeeded('describe pod', await x.k(['describe', 'pod', 'box']));
    matches(
      'describe pod',
      out,
      /^Name:\s+box$/m,
      new RegExp(`^Namespace:\\s+${x.ns}$`, 'm'),
      new RegExp(`^Node:\\s+${x.cluster.workloadWorker}/\\d+\\.\\d+\\.\\d+\\.\\d+$`, 'm'),
      /^Status:\s+Running$/m,
      /^Containers:\n {2}main:$/m,
      /^ {2}side:$/m,
      /^ {4}Port:\s+8080\/TCP$/m,
      /^QoS Class:\s+BestEffort$/m,
      /^Events:\n {2}Type\s+Reason\s+Age\s+From\s+Message$/m,
      new RegExp(`^ {2}Normal\\s+Scheduled\\s+\\S+\\s+default-scheduler\\s+Successfully assigned ${x.ns}/box to ${x.cluster.workloadWorker}$`, 'm'),
      /^ {2}Normal\s+Started\s+\S+\s+kubelet\s+Started container side$/m,
    );
  }),

  command('events --for', async (x) => {
    const out = succeeded('events --for', await x.k(['events', '--for', 'pod/solo']));
    hasHeader('events', out, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    matches('events --for', out, new RegExp(`^\\S+\\s+Normal\\s+Scheduled\\s+Pod/solo\\s+Successfully assigned ${x.ns}/solo to `, 'm'), /^\S+\s+Normal\s+Started\s+Pod\/solo\s+Started container solo$/m);
    if (/Pod\/box/.test(out)) throw new Error(`events --for pod/solo shows another pod's events:\n${out}`);
    const deploy = succeeded('events --for deploy', await x.k(['events', '--for', 'deployment/web', '--types=Normal']));
    matches('deployment events', deploy, /^\S+\s+Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-[a-z0-9]+ (to|from)/m);
  }),

  command('logs', async (x) => {
    equal('logs', succeeded('logs', await x.k(['logs', 'solo'])), 'started');
    equal('logs -c', succeeded('logs -c', await x.k(['logs', 'box', '-c', 'side'])), 'side says hi');
    const r = await x.k(['logs', 'box']);
    equal('default container', `${succeeded('logs box', r)}|${r.stderr.trim()}`, 'main says hi|Defaulted container "main" out of: main, side');
    // The same 404 Status; kubectl 1.30 began to print it through its own wrapper.
    const notFound = ['1.27', '1.28', '1.29'].includes(x.version) ? 'Error from server (NotFound): pods "nope" not found' : `error: error from server (NotFound): pods "nope" not found in namespace "${x.ns}"`;
    equal('logs NotFound', failed('logs', await x.k(['logs', 'nope']), 1), notFound);
  }),

  command('logs --since', async (x) => {
    equal('--since', succeeded('logs --since', await x.k(['logs', 'solo', '--since=1h'])), 'started');
    const stamped = succeeded('--timestamps', await x.k(['logs', 'solo', '--timestamps', '--tail=1']));
    matches('--timestamps', stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z started$/);
    const since = new Date(Date.now() + 60_000).toISOString();
    equal('--since-time in the future', succeeded('logs --since-time', await x.k(['logs', 'solo', `--since-time=${since}`])), '');
  }),

  command('logs -l', async (x) => {
    const out = succeeded('logs -l', await x.k(['logs', '-l', 'app=web', '--prefix']));
    // One line per pod: 3 replicas, and perhaps a pod of the last rollout that is still terminating.
    const lines = out.split('\n');
    if (lines.length < 3) throw new Error(`logs -l printed ${lines.length} lines, expected one per pod (3+):\n${out}`);
    for (const l of lines) matches('logs -l --prefix', l, /^\[pod\/web-[a-z0-9]+-[a-z0-9]+\/web\] serving$/);
    equal('logs deploy/web', succeeded('logs deploy/web', await x.k(['logs', 'deploy/web'])), 'serving');
  }),

  command('logs --all-containers', async (x) => {
    const out = succeeded('logs --all-containers', await x.k(['logs', 'box', '--all-containers']));
    // kubectl walks the containers through a Go map: their order changes from run to run.
    equal('--all-containers', out.split('\n').sort().join('\n'), 'main says hi\nside says hi');
  }),

  command('logs --previous', async (x) => {
    const restarted = succeeded('wait restart', await x.k(['wait', '--for=jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}=1', 'pod/crashy', '--timeout=60s']));
    equal('restarted', restarted, 'pod/crashy condition met');
    equal('--previous', succeeded('logs --previous', await x.k(['logs', 'crashy', '--previous'])), 'about to crash');
    const none = failed('--previous without a previous container', await x.k(['logs', 'solo', '--previous']), 1);
    equal('no previous', none, 'Error from server (BadRequest): previous terminated container "solo" in pod "solo" not found');
  }),

  command('exec', async (x) => {
    equal('exec', succeeded('exec', await x.k(['exec', 'solo', '--', 'sh', '-c', 'echo out; echo err >&2'])), 'out');
    const r = await x.k(['exec', 'box', '-c', 'side', '--', 'sh', '-c', 'echo $HOSTNAME; exit 3']);
    equal('exit code', `${r.code}|${r.stdout.trim()}|${r.stderr.trim()}`, '3|box|command terminated with exit code 3');
    const bad = failed('exec -c nope', await x.k(['exec', 'box', '-c', 'nope', '--', 'true']), 1);
    equal('unknown container', bad, 'Error from server (BadRequest): container nope is not valid for pod box');
  }),

  command('exec -i (stdin)', async (x) => {
    const out = succeeded('exec -i', await x.k(['exec', '-i', 'solo', '--', 'sh', '-c', 'tr a-z A-Z; echo done'], { input: 'from stdin\nsecond line\n' }));
    equal('exec -i', out, 'FROM STDIN\nSECOND LINE\ndone');
  }),

  command('run -i --rm (attach)', async (x) => {
    const r = await x.k(['run', 'attached', `--image=${IMAGE}`, '-i', '--rm', '--restart=Never', '--', 'sh', '-c', 'read line; echo got $line'], { input: 'hello\n' });
    equal('run -i --rm', succeeded('run -i --rm', r), 'got hello\npod "attached" deleted');
    equal('prompt hint', r.stderr.trim(), "If you don't see a command prompt, try pressing enter.");
    equal('removed', failed('get', await x.k(['get', 'pod', 'attached']), 1), 'Error from server (NotFound): pods "attached" not found');
  }),

  command('cp', async (x) => {
    const content = `copied by kubectl ${x.version}\n${'x'.repeat(100_000)}\n`;
    const local = await x.file('to-pod.txt', content);
    succeeded('cp to pod', await x.k(['cp', local, `solo:/tmp/in.txt`]));
    equal('in the pod', succeeded('exec', await x.k(['exec', 'solo', '--', 'sh', '-c', 'head -1 /tmp/in.txt; wc -c < /tmp/in.txt'])), `copied by kubectl ${x.version}\n${content.length}`);
    const back = join(x.dir, 'from-pod.txt');
    succeeded('cp from pod', await x.k(['cp', `${x.ns}/solo:/tmp/in.txt`, back]));
    equal('round trip', (await readFile(back, 'utf8')) === content ? 'same' : 'different', 'same');
    succeeded('cp a directory', await x.k(['cp', '-c', 'side', 'box:/etc', join(x.dir, 'etc')]));
    equal('directory copied', (await readFile(join(x.dir, 'etc', 'hostname'), 'utf8')).trim(), 'box');
  }),

  command('port-forward', async (x) => {
    const body = await portForwardGet(x, 'pod/box', 8080, '/index.html');
    equal('port-forward', body.trim(), 'hello through port-forward');
  }),
];
