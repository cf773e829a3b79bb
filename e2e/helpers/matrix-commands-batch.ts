/**
 * Matrix rows for batch/v1: a Job created by kubectl runs to completion (Job controller, a real
 * pod on a worker), and a CronJob's Job created by hand with `--from`.
 */
import { command } from './matrix-command.js';
import { equal, hasHeader, matches, succeeded } from './matrix-check.js';
import { jsonpath } from './matrix-context.js';
import { IMAGE } from './matrix-manifests.js';

export const batchCommands = [
  command('create job', async (x) => {
    equal('create job', succeeded('create job', await x.k(['create', 'job', 'hello', `--image=${IMAGE}`, '--', 'echo', 'hello from a job'])), 'job.batch/hello created');
    equal('wait', succeeded('wait', await x.k(['wait', '--for=condition=complete', 'job/hello', '--timeout=120s'])), 'job.batch/hello condition met');
    equal('logs job/', succeeded('logs', await x.k(['logs', 'job/hello'])), 'hello from a job');
    const out = succeeded('get jobs', await x.k(['get', 'jobs', 'hello']));
    hasHeader('get jobs', out, ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    matches('get jobs', out, /^hello\s+Complete\s+1\/1\s+\S+\s+\S+$/m);
    equal('succeeded', await jsonpath(x, ['job', 'hello'], '{.status.succeeded}'), '1');
  }),

  command('create cronjob', async (x) => {
    const created = succeeded('create cronjob', await x.k(['create', 'cronjob', 'tick', `--image=${IMAGE}`, '--schedule=0 0 1 1 *', '--', 'echo', 'tick']));
    equal('create cronjob', created, 'cronjob.batch/tick created');
    const out = succeeded('get cronjobs', await x.k(['get', 'cronjobs', 'tick']));
    hasHeader('get cronjobs', out, ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE']);
    matches('get cronjobs', out, /^tick\s+0 0 1 1 \*\s+<none>\s+False\s+0\s+<none>\s+\S+$/m);
    equal('create job --from', succeeded('create job --from', await x.k(['create', 'job', 'tick-now', '--from=cronjob/tick'])), 'job.batch/tick-now created');
    equal('wait', succeeded('wait', await x.k(['wait', '--for=condition=complete', 'job/tick-now', '--timeout=120s'])), 'job.batch/tick-now condition met');
    equal('logs', succeeded('logs', await x.k(['logs', 'job/tick-now'])), 'tick');
    equal('owner', await jsonpath(x, ['job', 'tick-now'], '{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}'), 'CronJob/tick');
  }),
];
