/**
 * The query parameters of the operations kubelab documents, described as upstream's OpenAPI
 * does. kubectl only looks for `fieldValidation` on PATCH operations (to decide whether the
 * server validates fields, so that it sends `fieldValidation=Strict`); the rest are for
 * humans and tooling.
 */
export interface QueryParameter {
  name: string;
  type: 'string' | 'boolean' | 'integer';
  description: string;
}

function q(name: string, type: QueryParameter['type'], description: string): QueryParameter {
  return { name, type, description };
}

const P = {
  allowWatchBookmarks: q(
    'allowWatchBookmarks',
    'boolean',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag.',
  ),
  continue: q(
    'continue',
    'string',
    'The continue option should be set when retrieving more results from the server, with the value of metadata.continue of the previous list response.',
  ),
  dryRun: q(
    'dryRun',
    'string',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  fieldManager: q(
    'fieldManager',
    'string',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  fieldSelector: q(
    'fieldSelector',
    'string',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  ),
  fieldValidation: q(
    'fieldValidation',
    'string',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: - Ignore: ignores unknown/duplicate fields. - Warn: responds with a warning for each unknown/duplicate field, but successfully serves the request. - Strict: fails the request on unknown/duplicate fields.',
  ),
  force: q(
    'force',
    'boolean',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
  ),
  gracePeriodSeconds: q(
    'gracePeriodSeconds',
    'integer',
    'The duration in seconds before the object should be deleted. The value zero indicates delete immediately.',
  ),
  labelSelector: q(
    'labelSelector',
    'string',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  ),
  limit: q(
    'limit',
    'integer',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata.',
  ),
  orphanDependents: q(
    'orphanDependents',
    'boolean',
    'Deprecated: please use the PropagationPolicy. Should the dependent objects be orphaned.',
  ),
  propagationPolicy: q(
    'propagationPolicy',
    'string',
    "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'.",
  ),
  resourceVersion: q(
    'resourceVersion',
    'string',
    'resourceVersion sets a constraint on what resource versions a request may be served from. Defaults to unset',
  ),
  resourceVersionMatch: q(
    'resourceVersionMatch',
    'string',
    'resourceVersionMatch determines how resourceVersion is applied to list calls. Defaults to unset',
  ),
  sendInitialEvents: q(
    'sendInitialEvents',
    'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true`: the watch stream then begins with synthetic events of the current state of all objects.',
  ),
  timeoutSeconds: q(
    'timeoutSeconds',
    'integer',
    'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.',
  ),
  watch: q(
    'watch',
    'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.',
  ),
  command: q(
    'command',
    'string',
    'Command is the remote command to execute. argv array. Not executed within a shell.',
  ),
  container: q(
    'container',
    'string',
    'The container in which to execute the command. Defaults to only container if there is only one container in the pod.',
  ),
  stderr: q('stderr', 'boolean', 'Redirect the standard error stream of the pod for this call.'),
  stdin: q(
    'stdin',
    'boolean',
    'Redirect the standard input stream of the pod for this call. Defaults to false.',
  ),
  stdout: q('stdout', 'boolean', 'Redirect the standard output stream of the pod for this call.'),
  tty: q(
    'tty',
    'boolean',
    'TTY if true indicates that a tty will be allocated for the exec call. Defaults to false.',
  ),
  follow: q('follow', 'boolean', 'Follow the log stream of the pod. Defaults to false.'),
  limitBytes: q(
    'limitBytes',
    'integer',
    'If set, the number of bytes to read from the server before terminating the log output.',
  ),
  previous: q(
    'previous',
    'boolean',
    'Return previous terminated container logs. Defaults to false.',
  ),
  sinceSeconds: q(
    'sinceSeconds',
    'integer',
    'A relative time in seconds before the current time from which to show logs.',
  ),
  sinceTime: q('sinceTime', 'string', 'An RFC3339 timestamp from which to show logs.'),
  tailLines: q(
    'tailLines',
    'integer',
    'If set, the number of lines from the end of the logs to show.',
  ),
  timestamps: q(
    'timestamps',
    'boolean',
    'If true, add an RFC3339 or RFC3339Nano timestamp at the beginning of every line of log output. Defaults to false.',
  ),
} as const;

const LIST = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
  P.watch,
];
const DELETE = [P.dryRun, P.gracePeriodSeconds, P.orphanDependents, P.propagationPolicy];

/** The query parameters of each kind of operation. */
export const QUERY_PARAMETERS = {
  list: LIST,
  create: [P.dryRun, P.fieldManager, P.fieldValidation],
  update: [P.dryRun, P.fieldManager, P.fieldValidation],
  patch: [P.dryRun, P.fieldManager, P.fieldValidation, P.force],
  delete: DELETE,
  deletecollection: [
    ...DELETE,
    ...LIST.filter((p) => p !== P.watch && p !== P.allowWatchBookmarks),
  ],
  get: [] as QueryParameter[],
  exec: [P.command, P.container, P.stderr, P.stdin, P.stdout, P.tty],
  log: [
    P.container,
    P.follow,
    P.limitBytes,
    P.previous,
    P.sinceSeconds,
    P.sinceTime,
    P.tailLines,
    P.timestamps,
  ],
} as const satisfies Record<string, readonly QueryParameter[]>;

/** `pretty`, which every path accepts. */
export const PRETTY: QueryParameter = q(
  'pretty',
  'string',
  "If 'true', then the output is pretty printed.",
);
