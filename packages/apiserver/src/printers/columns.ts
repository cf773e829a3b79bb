/** Column definition builders and the columns many printers share (Name, Age, Containers ...). */
import { SWAGGER_DOC } from './swagger-doc.js';
import type { TableColumnDefinition } from './types.js';

export function column(name: string, type: string, description: string): TableColumnDefinition {
  return { name, type, format: '', description, priority: 0 };
}

/** A priority-1 column, shown by kubectl only with `-o wide`. */
export function wide(name: string, type: string, description: string): TableColumnDefinition {
  return { ...column(name, type, description), priority: 1 };
}

/** The object name; `format: name` lets kubectl prefix it (`pod/web`) in `get all` / `--show-kind`. */
export const NAME_COLUMN: TableColumnDefinition = {
  ...column('Name', 'string', SWAGGER_DOC['ObjectMeta.name']),
  format: 'name',
};
export const AGE_COLUMN = column('Age', 'string', SWAGGER_DOC['ObjectMeta.creationTimestamp']);
export const CONTAINERS_COLUMN = wide('Containers', 'string', 'Names of each container in the template.');
export const IMAGES_COLUMN = wide('Images', 'string', 'Images referenced by each container in the template.');
