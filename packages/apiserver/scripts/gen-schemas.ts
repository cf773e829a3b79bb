/**
 * Build-time generator: reads the `kubernetes-types` declarations (with their doc comments)
 * and writes upstream-named OpenAPI v3 schemas for every type the resource table reaches to
 * src/schema/generated/schemas.json, which is committed so that runtime needs no generation.
 *
 *   npm run gen:schemas            regenerate
 *   npm run gen:schemas -- --check exit 1 if the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDeclarations } from './schema-gen/declarations.js';
import { loadFormats } from './schema-gen/formats.js';
import { extraGroupVersionKinds, rootTypes } from './schema-gen/roots.js';
import { syntheticSchemas } from './schema-gen/special-types.js';
import { buildSchemas } from './schema-gen/to-openapi.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUTPUT = path.resolve(here, '../src/schema/generated/schemas.json');

/** The modules read; others they import (meta, resource, runtime) come along. */
const MODULES = [
  'core/v1',
  'apps/v1',
  'batch/v1',
  'coordination/v1',
  'discovery/v1',
  'authentication/v1',
  'authorization/v1',
  'autoscaling/v1',
  'policy/v1',
  'meta/v1',
];

export async function generate(): Promise<string> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('kubernetes-types/package.json');
  const typesRoot = path.dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };

  const declarations = readDeclarations(typesRoot, MODULES);
  const formats = await loadFormats();
  if (!formats.available) {
    console.warn(
      'warning: @kubernetes/client-node not found; numbers get no int32/int64/double format',
    );
  }
  const schemas = buildSchemas(rootTypes(declarations), {
    declarations,
    formats: formats.lookup,
    extraGroupVersionKinds: extraGroupVersionKinds(),
  });
  for (const [name, schema] of Object.entries(syntheticSchemas())) schemas.set(name, schema);
  const document = {
    generatedFrom: `kubernetes-types@${version}`,
    schemas: Object.fromEntries(schemas),
  };
  return formatJson(JSON.stringify(sortKeys(document), null, 2));
}

/** Formats like the repository's prettier config, so that `prettier --check .` accepts the file. */
async function formatJson(text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
    return await prettier.format(text, { ...options, parser: 'json' });
  } catch {
    return `${text}\n`;
  }
}

/** Upstream documents list object keys alphabetically (Go map order); so do we. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

async function main(): Promise<void> {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), OUTPUT)} is stale: run npm run gen:schemas`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(
    `wrote ${path.relative(process.cwd(), OUTPUT)} (${Object.keys(JSON.parse(text).schemas).length} schemas)`,
  );
}

await main();
