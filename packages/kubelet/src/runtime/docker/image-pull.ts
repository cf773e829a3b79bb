/**
 * Image pulls through the daemon. A failure rejects with an ImagePullError carrying the text
 * the kubelet puts after `Failed to pull image "<image>": ` in ErrImagePull (as dockershim
 * reported it over CRI): `rpc error: code = Unknown desc = Error response from daemon: <docker's
 * message>`. A pull that hangs is abandoned after PULL_TIMEOUT_MS.
 */
import type Dockerode from 'dockerode';
import type { ImagePullError } from '../container-runtime.js';
import { daemonMessage, statusCode } from './docker-errors.js';

export const PULL_TIMEOUT_MS = 30_000;

/** `busybox` → `busybox:latest`; a tag or digest is kept. */
export function normalizeImageRef(image: string): string {
  if (image.includes('@')) return image;
  const lastSlash = image.lastIndexOf('/');
  return image.lastIndexOf(':') > lastSlash ? image : `${image}:latest`;
}

export function pullErrorKind(code: number | undefined, message: string): ImagePullError['kind'] {
  if (code === 401 || /unauthorized|authentication required/i.test(message)) return 'Unauthorized';
  if (code === 404 || /not found|does not exist|manifest unknown/i.test(message)) return 'NotFound';
  return 'Other';
}

export function makeImagePullError(daemonText: string, kind: ImagePullError['kind'], grpcCode = 'Unknown'): ImagePullError {
  const err = new Error(`rpc error: code = ${grpcCode} desc = ${daemonText}`) as ImagePullError;
  err.name = 'ImagePullError';
  err.kind = kind;
  return err;
}

/** Label of images kubelab built or a user loaded (`kubelab load image`). */
export const KUBELAB_IMAGE_LABEL = 'io.kubelab.image';

/**
 * A pull that falls back to an image kubelab built or loaded when the registry cannot be
 * reached: those images stand in for a registry mirror, so `image: busybox` (pull policy Always)
 * works offline, as images loaded into kind do. Any other failure is the pull's.
 */
export async function pullImageOrLocal(docker: Dockerode, image: string, timeoutMs = PULL_TIMEOUT_MS): Promise<string> {
  try {
    return await pullImage(docker, image, timeoutMs);
  } catch (err) {
    try {
      const info = await docker.getImage(normalizeImageRef(image)).inspect();
      if (info.Config?.Labels?.[KUBELAB_IMAGE_LABEL] === 'true') return info.Id;
    } catch {
      // not present locally either
    }
    throw err;
  }
}

export async function pullImage(docker: Dockerode, image: string, timeoutMs = PULL_TIMEOUT_MS): Promise<string> {
  const ref = normalizeImageRef(image);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await docker.pull(ref, { abortSignal: abort.signal })) as NodeJS.ReadableStream;
    } catch (err) {
      if (abort.signal.aborted) throw makeImagePullError('context deadline exceeded', 'Other', 'DeadlineExceeded');
      const message = daemonMessage(err);
      throw makeImagePullError(`Error response from daemon: ${message}`, pullErrorKind(statusCode(err), message));
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(makeImagePullError('context deadline exceeded', 'Other', 'DeadlineExceeded'));
      };
      abort.signal.addEventListener('abort', onAbort, { once: true });
      docker.modem.followProgress(stream, (err: Error | null) => {
        abort.signal.removeEventListener('abort', onAbort);
        if (!err) return resolve();
        const message = err.message;
        reject(makeImagePullError(`Error response from daemon: ${message}`, pullErrorKind(undefined, message)));
      });
    });
    const info = await docker.getImage(ref).inspect();
    return info.Id;
  } finally {
    clearTimeout(timer);
  }
}
