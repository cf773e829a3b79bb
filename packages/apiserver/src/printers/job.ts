/** Job printer: NAME STATUS COMPLETIONS DURATION AGE (wide: CONTAINERS IMAGES SELECTOR). */
import type { Job } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { layoutContainerCells, parseTime, since } from './helpers.js';
import { humanDuration } from './human-duration.js';
import { formatLabelSelector } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow, TimeCell } from './types.js';

type JobConditionType = 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';

/** The status of the first condition of that type is True. */
function hasCondition(job: Job, type: JobConditionType): boolean {
  return job.status?.conditions?.find((c) => c.type === type)?.status === 'True';
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  let want = job.spec?.completions;
  // Decoding defaults both completions and parallelism to 1 when neither is set (SetDefaults_Job).
  if (want === undefined && job.spec?.parallelism === undefined) want = 1;
  if (want !== undefined) return `${succeeded}/${want}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Start to completion, or to now while the job runs. */
function jobDuration(job: Job): TimeCell | string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  return end === undefined ? (now) => humanDuration(now - start) : humanDuration(end - start);
}

function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function printJob(job: Job): PrintedRow {
  const { names, images } = layoutContainerCells(job.spec?.template?.spec?.containers);
  return {
    cells: [
      job.metadata?.name ?? '',
      jobStatus(job),
      completions(job),
      jobDuration(job),
      since(job.metadata?.creationTimestamp),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ],
  };
}

export const jobPrinter = definePrinter<Job>({
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', SWAGGER_DOC['JobStatus.succeeded']),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['JobSpec.selector']),
  ],
  row: printJob,
});
