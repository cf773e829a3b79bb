/**
 * Numeric and byte formats. kubernetes-types writes every int32, int64 and float64 as
 * `number`; the generated models of `@kubernetes/client-node` (another installed package built
 * from the same upstream OpenAPI) still carry the `format` of every field, so they tell an
 * `integer`/`int32` from a `number`/`double`.
 */

interface Attribute {
  name: string;
  format: string;
}

interface ModelClass {
  getAttributeTypeMap?: () => Attribute[];
}

export type FormatLookup = (
  module: string,
  typeName: string,
  property: string,
) => string | undefined;

/** Builds a lookup over the client-node models; without that package every format is unknown. */
export async function loadFormats(): Promise<{ lookup: FormatLookup; available: boolean }> {
  let models: Record<string, unknown>;
  try {
    models = (await import('@kubernetes/client-node')) as Record<string, unknown>;
  } catch {
    return { lookup: () => undefined, available: false };
  }
  const cache = new Map<string, Map<string, string> | undefined>();
  const lookup: FormatLookup = (module, typeName, property) => {
    const key = `${module}#${typeName}`;
    if (!cache.has(key)) cache.set(key, formatsOf(models, module, typeName));
    return cache.get(key)?.get(property);
  };
  return { lookup, available: true };
}

/** client-node names a model `V1Pod`, or `CoreV1Event` when two groups share a type name. */
function formatsOf(
  models: Record<string, unknown>,
  module: string,
  typeName: string,
): Map<string, string> | undefined {
  const [group, version] = module.split('/');
  if (!group || !version) return undefined;
  const v = pascal(version);
  for (const candidate of [`${pascal(group)}${v}${typeName}`, `${v}${typeName}`]) {
    const model = models[candidate] as ModelClass | undefined;
    const attributes = model?.getAttributeTypeMap?.();
    if (!attributes) continue;
    return new Map(attributes.filter((a) => a.format).map((a) => [a.name, a.format]));
  }
  return undefined;
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
