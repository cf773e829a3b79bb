export * from './builders.js';
export { FakeSchedulerClient } from './fake-scheduler-client.js';
export { RecordingEventRecorder, type RecordedEvent } from './recording-event-recorder.js';
export { SchedulerHarness } from './scheduler-harness.js';
