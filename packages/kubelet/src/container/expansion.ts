/**
 * `$(VAR)` expansion of env values, command and args, with the rules of upstream's
 * third_party/forked/golang/expansion: `$$` is an escaped `$`, an unknown reference is left
 * as written, an unterminated `$(` is kept literally, and `$` before anything else stays.
 */

export type Mapping = (name: string) => string;

const OPERATOR = '$';
const OPENER = '(';
const CLOSER = ')';

/** A mapping that looks the name up in each context in turn, else returns `$(name)`. */
export function mappingFuncFor(
  ...contexts: (ReadonlyMap<string, string> | Readonly<Record<string, string>>)[]
): Mapping {
  return (name) => {
    for (const vars of contexts) {
      if (vars instanceof Map) {
        const v = (vars as ReadonlyMap<string, string>).get(name);
        if (v !== undefined) return v;
      } else if (Object.prototype.hasOwnProperty.call(vars, name)) {
        return (vars as Readonly<Record<string, string>>)[name] ?? '';
      }
    }
    return `${OPERATOR}${OPENER}${name}${CLOSER}`;
  };
}

/** Expands every `$(name)` of the input through the mapping. */
export function expand(input: string, mapping: Mapping): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] === OPERATOR && cursor + 1 < input.length) {
      out += input.slice(checkpoint, cursor);
      const { read, isVar, advance } = tryReadVariableName(input.slice(cursor + 1));
      out += isVar ? mapping(read) : read;
      cursor += advance;
      checkpoint = cursor + 1;
    }
  }
  return out + input.slice(checkpoint);
}

function tryReadVariableName(input: string): { read: string; isVar: boolean; advance: number } {
  const first = input.charAt(0);
  if (first === OPERATOR) return { read: OPERATOR, isVar: false, advance: 1 };
  if (first === OPENER) {
    const close = input.indexOf(CLOSER, 1);
    if (close >= 0) return { read: input.slice(1, close), isVar: true, advance: close + 1 };
    return { read: OPERATOR + OPENER, isVar: false, advance: 1 };
  }
  return { read: OPERATOR + first, isVar: false, advance: 1 };
}
