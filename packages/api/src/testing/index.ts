export { FakeClock } from './fake-clock.js';
export { FakeResourceClient } from './fake-resource-client.js';
export {
  FakeResourceStore,
  type FakeOperation,
  type FakeStoreOptions,
} from './fake-resource-store.js';
export { matchesFields, matchesLabels } from './fake-selectors.js';
export { FakeWatchStream } from './fake-watch-stream.js';
export { RecordingLogger, type LogEntry } from './recording-logger.js';
export {
  sendJson,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedHandler,
  type ScriptedServer,
  type ScriptedServerOptions,
} from './scripted-server.js';
export { TempDirs } from './temp-dirs.js';
