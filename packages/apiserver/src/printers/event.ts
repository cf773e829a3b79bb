/**
 * Event printer: LAST SEEN TYPE REASON OBJECT MESSAGE
 * (wide, in column order: SUBOBJECT SOURCE between OBJECT and MESSAGE; FIRST SEEN COUNT NAME last).
 */
import type { Event } from '@kubelab/api';
import { NAME_COLUMN, column, wide } from './columns.js';
import { parseTime, since } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { definePrinter } from './printer.js';
import type { PrintedRow } from './types.js';

/** `component, host`, falling back to reportingController / reportingInstance. */
function formatEventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function printEvent(event: Event): PrintedRow {
  const firstSeen =
    parseTime(event.firstTimestamp) === undefined
      ? since(event.eventTime)
      : since(event.firstTimestamp);
  let lastSeen =
    parseTime(event.lastTimestamp) === undefined ? firstSeen : since(event.lastTimestamp);
  let count = event.count ?? 0;
  if (event.series) {
    lastSeen = since(event.series.lastObservedTime);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const involved = event.involvedObject ?? {};
  const kind = (involved.kind ?? '').toLowerCase();
  const name = involved.name;
  return {
    cells: [
      lastSeen,
      event.type ?? '',
      event.reason ?? '',
      name ? `${kind}/${name}` : kind,
      involved.fieldPath ?? '',
      formatEventSource(event),
      (event.message ?? '').trim(),
      firstSeen,
      count,
      event.metadata?.name ?? '',
    ],
  };
}

export const eventPrinter = definePrinter<Event>({
  columns: [
    column('Last Seen', 'string', SWAGGER_DOC['Event.lastTimestamp']),
    column('Type', 'string', SWAGGER_DOC['Event.type']),
    column('Reason', 'string', SWAGGER_DOC['Event.reason']),
    column('Object', 'string', SWAGGER_DOC['Event.involvedObject']),
    wide('Subobject', 'string', SWAGGER_DOC['ObjectReference.fieldPath']),
    wide('Source', 'string', SWAGGER_DOC['Event.source']),
    column('Message', 'string', SWAGGER_DOC['Event.message']),
    wide('First Seen', 'string', SWAGGER_DOC['Event.firstTimestamp']),
    wide('Count', 'string', SWAGGER_DOC['Event.count']),
    { ...NAME_COLUMN, priority: 1 },
  ],
  row: printEvent,
});
