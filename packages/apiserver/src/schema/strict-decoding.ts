/**
 * Upstream's wording for unknown fields (apimachinery `runtime.NewStrictDecodingError`,
 * apiserver `transformDecodeError` and `addStrictDecodingWarnings`).
 */

/** `unknown field "spec.foo"`: one strict decoding error, also the text of a Warn warning. */
export function unknownFieldError(path: string): string {
  return `unknown field ${goQuote(path.startsWith('.') ? path.slice(1) : path)}`;
}

/** `strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"`. */
export function strictDecodingMessage(paths: readonly string[]): string {
  return `strict decoding error: ${paths.map(unknownFieldError).join(', ')}`;
}

/**
 * The 400 BadRequest message of a create (POST) or update (PUT) with `fieldValidation=Strict`:
 * `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"`.
 */
export function strictDecodingBadRequestMessage(
  kind: string,
  version: string,
  paths: readonly string[],
): string {
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${strictDecodingMessage(paths)}`;
}

/** The warnings of `fieldValidation=Warn`, one per field; kubectl prints `Warning: <text>`. */
export function unknownFieldWarnings(paths: readonly string[]): string[] {
  return paths.map(unknownFieldError);
}

/** A `Warning` response header value as the apiserver writes it: `299 - "<text>"`. */
export function warningHeaderValue(text: string): string {
  return `299 - ${goQuote(text)}`;
}

/** Go's `%q` for the characters that can appear here (strconv.Quote). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
