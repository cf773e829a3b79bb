/**
 * CronJob printer: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE
 * (wide: CONTAINERS IMAGES SELECTOR).
 */
import type { CronJob } from '@kubelab/api';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns.js';
import { NONE, layoutContainerCells, printBoolPtr, since } from './helpers.js';
import { formatLabelSelector } from './label-selector.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

function printCronJob(cj: CronJob): PrintedRow {
  const jobSpec = cj.spec?.jobTemplate?.spec;
  const { names, images } = layoutContainerCells(jobSpec?.template?.spec?.containers);
  const lastSchedule = cj.status?.lastScheduleTime;
  return {
    cells: [
      cj.metadata?.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? NONE,
      // Decoding defaults spec.suspend to false (SetDefaults_CronJob).
      printBoolPtr(cj.spec?.suspend ?? false),
      cj.status?.active?.length ?? 0,
      lastSchedule ? since(lastSchedule) : NONE,
      since(cj.metadata?.creationTimestamp),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ],
  };
}

export const cronJobPrinter = definePrinter<CronJob>({
  columns: [
    NAME_COLUMN,
    column('Schedule', 'string', SWAGGER_DOC['CronJobSpec.schedule']),
    column('Timezone', 'string', SWAGGER_DOC['CronJobSpec.timeZone']),
    column('Suspend', 'boolean', SWAGGER_DOC['CronJobSpec.suspend']),
    column('Active', 'integer', SWAGGER_DOC['CronJobStatus.active']),
    column('Last Schedule', 'string', SWAGGER_DOC['CronJobStatus.lastScheduleTime']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', SWAGGER_DOC['JobSpec.selector']),
  ],
  row: printCronJob,
});
