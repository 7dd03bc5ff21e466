/**
 * The Table of a custom resource from its CRD version's additionalPrinterColumns, as the
 * apiextensions server's table convertor builds it: Name, then each column's JSONPath value (the
 * first result) converted by the column's type; a date becomes an age.
 */
import { ageOf } from '../core/text/age.ts';
import { evaluateJsonPath, parseJsonPath } from './json-path.ts';
import { isObject } from './objects.ts';
import type { Printer } from './tables.ts';

export interface PrinterColumn {
  readonly name: string;
  readonly type: string;
  readonly jsonPath: string;
  readonly format?: string;
  readonly description?: string;
  readonly priority?: number;
}

/** The columns of one served CRD version; what is not a well-formed column is left out. */
export function printerColumnsOf(version: Record<string, unknown>): PrinterColumn[] {
  const given = version['additionalPrinterColumns'];
  if (!Array.isArray(given)) return [];
  return given.filter((column): column is PrinterColumn => isObject(column) && typeof column['name'] === 'string' && typeof column['type'] === 'string' && typeof column['jsonPath'] === 'string');
}

/** A cell as the server converts a value by its column type (cellForJSONValue); null prints `<none>`. */
function cell(type: string, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value !== 'string' ? null : Number.isNaN(Date.parse(value)) ? '<invalid>' : ageOf(value, now);
    default:
      return null;
  }
}

const printers = new WeakMap<readonly PrinterColumn[], Printer>();

/** The printer of a CRD version's columns, made once per registered version. */
export function crdPrinter(columns: readonly PrinterColumn[]): Printer {
  const known = printers.get(columns);
  if (known !== undefined) return known;
  const paths = columns.map((column) => parseJsonPath(column.jsonPath));
  const printer: Printer = {
    columns: [
      { name: 'Name', description: 'Name must be unique within a namespace.' },
      ...columns.map((column) => ({
        name: column.name,
        type: column.type,
        format: column.format ?? '',
        description: column.description ?? `Custom resource definition column (in JSONPath format): ${column.jsonPath}`,
        priority: column.priority ?? 0,
      })),
    ],
    cells: (object, now) => [
      object.metadata.name,
      ...columns.map((column, index) => {
        const path = paths[index];
        return path === undefined ? null : cell(column.type, evaluateJsonPath(path, object)[0], now);
      }),
    ],
  };
  printers.set(columns, printer);
  return printer;
}
