/** Test doubles of @kubelab/kubelet for other packages' and the core's unit tests. */
export { FakeRuntime, type FakeRuntimeOptions, type FakeCall, type ExecHandler } from '../runtime/fake/fake-runtime.js';
