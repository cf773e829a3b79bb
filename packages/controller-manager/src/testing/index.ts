export { FakeClientSet } from './fake-client-set.js';
export { ControllerHarness, type RecordedEvent } from './controller-harness.js';
export { waitFor } from './wait-for.js';
export { readyStatus, runFakeKubelet } from './fake-kubelet.js';
