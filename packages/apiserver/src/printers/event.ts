/**
 * Event printer: LAST SEEN TYPE REASON OBJECT MESSAGE
 * (wide, in column order: SUBOBJECT SOURCE between OBJECT and MESSAGE; FIRST SEEN COUNT NAME last).
 */
import type { Event } from '@kubelab/api';
import { NAME_COLUMN, column, wide } from './columns.js';
import { parseTime, translateTimestampSince } from './helpers.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import type { PrintedRow, Printer } from './types.js';

/** `component, host`, falling back to reportingController / reportingInstance. */
function formatEventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function printEvent(event: Event, now: number): PrintedRow {
  const firstSeen =
    parseTime(event.firstTimestamp) === undefined
      ? translateTimestampSince(event.eventTime, now)
      : translateTimestampSince(event.firstTimestamp, now);
  let lastSeen =
    parseTime(event.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(event.lastTimestamp, now);
  let count = event.count ?? 0;
  if (event.series) {
    lastSeen = translateTimestampSince(event.series.lastObservedTime, now);
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

export const eventPrinter: Printer<Event> = {
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
  print: printEvent,
};
