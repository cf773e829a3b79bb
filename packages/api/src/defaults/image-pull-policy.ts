/**
 * The image pull policy default (SetDefaults_Container): `Always` for a `:latest` tag or no tag
 * and no digest, `IfNotPresent` otherwise, including for references that do not parse.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(
  `^(${NAME})(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?$`,
);

/** The tag and digest of an image reference (docker reference grammar), or undefined if invalid. */
export function parseImageReference(image: string): { name: string; tag: string; digest: string } | undefined {
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const name = m[1] ?? '';
  if (name.length > 255) return undefined;
  return { name, tag: m[2] ?? '', digest: m[3] ?? '' };
}

/** parsers.ParseImageName's tag: "latest" when neither a tag nor a digest is given. */
export function imageTag(image: string): string {
  const ref = parseImageReference(image);
  if (!ref) return '';
  return ref.tag || ref.digest ? ref.tag : 'latest';
}

export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  return imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
}
