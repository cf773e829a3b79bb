/** CronJob validation (pkg/apis/batch/validation ValidateCronJobCreate / ValidateCronJobUpdate). */
import type { CronJob, CronJobSpec } from 'kubernetes-types/batch/v1.js';
import { FieldPath, invalidValue, notSupported, required, type FieldError } from './field-errors.js';
import { validateNonnegative } from './common.js';
import { cronScheduleError } from './cron-schedule.js';
import { goLabelSelector, invalidGo } from './go-value.js';
import { validateJobSpecCommon } from './job.js';
import type { KindValidation } from './kind-validation.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const CONCURRENCY = ['Allow', 'Forbid', 'Replace'];

function validateSpec(spec: CronJobSpec | undefined, old: CronJobSpec | undefined): FieldError[] {
  const p = FieldPath.root('spec');
  const s = spec ?? { schedule: '', jobTemplate: {} };
  const errs: FieldError[] = [];
  const sp = p.child('schedule');
  if (!s.schedule) errs.push(required(sp));
  else {
    const msg = cronScheduleError(s.schedule);
    if (msg) errs.push(invalidValue(sp, s.schedule, msg));
    const allowTZ = old?.schedule.includes('TZ') ?? false;
    if (allowTZ && s.schedule.includes('TZ') && s.timeZone !== undefined) {
      errs.push(invalidValue(sp, s.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && s.schedule.includes('TZ')) {
      errs.push(invalidValue(sp, s.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  errs.push(...validateNonnegative(s.startingDeadlineSeconds, p.child('startingDeadlineSeconds')));
  if (s.timeZone !== undefined && s.timeZone !== old?.timeZone) {
    const tz = s.timeZone;
    const tp = p.child('timeZone');
    if (tz.length === 0) errs.push(invalidValue(tp, tz, 'timeZone must be nil or non-empty string'));
    else if (tz.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part))) {
      errs.push(invalidValue(tp, tz, `unknown time zone ${tz}`));
    } else if (tz.toLowerCase() === 'local') {
      errs.push(invalidValue(tp, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
    }
  }
  const policy = s.concurrencyPolicy ?? '';
  if (!policy) errs.push(required(p.child('concurrencyPolicy')));
  else if (!CONCURRENCY.includes(policy)) errs.push(notSupported(p.child('concurrencyPolicy'), policy, CONCURRENCY));
  const jt = p.child('jobTemplate');
  errs.push(...validateJobSpecCommon(s.jobTemplate?.spec, jt.child('spec')));
  if (s.jobTemplate?.spec?.selector) {
    errs.push(invalidGo(jt.child('spec').child('selector'), goLabelSelector(s.jobTemplate.spec.selector), '`selector` will be auto-generated'));
  }
  if (s.jobTemplate?.spec?.manualSelector === true) {
    errs.push(notSupported(jt.child('spec').child('manualSelector'), true, ['nil', 'false']));
  }
  errs.push(...validateNonnegative(s.successfulJobsHistoryLimit, p.child('successfulJobsHistoryLimit')));
  errs.push(...validateNonnegative(s.failedJobsHistoryLimit, p.child('failedJobsHistoryLimit')));
  return errs;
}

export const cronJobValidation: KindValidation<CronJob> = {
  create: (cj) => {
    const errs = validateObjectMeta(cj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain });
    errs.push(...validateSpec(cj.spec, undefined));
    const name = cj.metadata?.name ?? '';
    if (name.length > 52) errs.push(invalidValue(FieldPath.root('metadata').child('name'), name, 'must be no more than 52 characters'));
    return errs;
  },
  update: (n, o) => [...validateObjectMetaUpdate(n.metadata, o.metadata), ...validateSpec(n.spec, o.spec)],
  status: (n, o) => validateObjectMetaUpdate(n.metadata, o.metadata),
};
