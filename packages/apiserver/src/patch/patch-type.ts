/**
 * The PATCH content types the apiserver accepts for built-in resources (patch.go, in the order
 * its 415 answer lists them) and the patch type each selects.
 */
import { ApiError } from '@kubelab/api';

export type PatchType = 'json' | 'merge' | 'strategic';

export const PATCH_CONTENT_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

const BY_MEDIA_TYPE: ReadonlyMap<string, PatchType | 'apply'> = new Map(
  (Object.entries(PATCH_CONTENT_TYPES) as [PatchType | 'apply', string][]).map(([t, ct]) => [
    ct,
    t,
  ]),
);

/**
 * `application/strategic-merge-patch+json; charset=utf-8` → `strategic`. Parameters after `;`
 * are ignored; the media type is matched exactly, as the real server does. Unknown → undefined.
 */
export function patchTypeFromContentType(ct: string): PatchType | 'apply' | undefined {
  const semi = ct.indexOf(';');
  const mediaType = (semi > 0 ? ct.slice(0, semi) : ct).trim();
  return BY_MEDIA_TYPE.get(mediaType);
}

/** 415 for any other Content-Type (negotiation.NewUnsupportedMediaTypeError). */
export function unsupportedPatchContentType(
  accepted: readonly string[] = Object.values(PATCH_CONTENT_TYPES),
): ApiError {
  return new ApiError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );
}
