/** Media types of Kubernetes request bodies (k8s.io/apimachinery/pkg/runtime). */
import { ApiError } from '@kubelab/api';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** `application/vnd.kubernetes.protobuf`, with or without parameters, in any case. */
export function isProtobufContentType(ct: string): boolean {
  const mediaType = ct.split(';', 1)[0] ?? '';
  return mediaType.trim().toLowerCase() === PROTOBUF_MEDIA_TYPE;
}

/**
 * 415 for a body in a format the server does not decode, as the apiserver's
 * negotiation.NewUnsupportedMediaTypeError words it.
 */
export function unsupportedMediaType(
  accepted: readonly string[] = ['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE],
): ApiError {
  return new ApiError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}
