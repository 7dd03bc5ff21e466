/**
 * meta.k8s.io/v1 Tables: the columns kube-apiserver's printers (pkg/printers/internalversion) give
 * each kind, so `kubectl get` and `-o wide` print what they print against a real cluster.
 */
import { ageOf } from '../core/text/age.ts';
import { crdPrinter } from './crd-table.ts';
import type { KubeObject } from './objects.ts';
import type { ResourceType } from './resources.ts';
import { coreCells } from './table-cells-core.ts';
import { networkCells } from './table-cells-network.ts';
import { policyCells } from './table-cells-policy.ts';
import { workloadCells } from './table-cells-workloads.ts';

export interface Column {
  readonly name: string;
  /** Priority 1 columns show only with `-o wide`. */
  readonly priority?: number;
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
}

export interface Printer {
  readonly columns: readonly Column[];
  readonly cells: (object: KubeObject, now: number) => unknown[];
}

const nameAge: Printer = {
  columns: [{ name: 'Name' }, { name: 'Age' }],
  cells: (object, now) => [object.metadata.name, ageOf(object.metadata.creationTimestamp, now)],
};

const printers: Record<string, Printer> = { ...coreCells, ...workloadCells, ...networkCells, ...policyCells };

export function printerFor(type: ResourceType): Printer {
  if (type.printerColumns !== undefined && type.printerColumns.length > 0) return crdPrinter(type.printerColumns);
  return printers[`${type.group}/${type.plural}`] ?? nameAge;
}

/** A Table's opening up to its rows; `metadata` is the ListMeta the list would carry. */
export function tableHeader(printer: Printer, metadata: Readonly<Record<string, unknown>>): string {
  const columnDefinitions = printer.columns.map((column) => ({
    name: column.name,
    type: column.type ?? 'string',
    format: column.format ?? (column.name === 'Name' ? 'name' : ''),
    description: column.description ?? column.name,
    priority: column.priority ?? 0,
  }));
  return `{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":${JSON.stringify(metadata)},"columnDefinitions":${JSON.stringify(columnDefinitions)},"rows":[`;
}

/** One row; the object is PartialObjectMetadata (includeObject=Metadata, the server's default). */
export function tableRow(printer: Printer, object: KubeObject, now: number, includeObject: string): Record<string, unknown> {
  const { managedFields: _managed, ...metadata } = object.metadata;
  const partial =
    includeObject === 'Object'
      ? object
      : includeObject === 'None'
        ? undefined
        : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
  return { cells: printer.cells(object, now), ...(partial === undefined ? {} : { object: partial }) };
}

/** A whole Table of one object, as a watch event's object when the client asked for Tables. */
export function singleRowTable(printer: Printer, object: KubeObject, now: number, includeObject: string): string {
  const header = tableHeader(printer, { resourceVersion: object.metadata.resourceVersion ?? '' });
  return `${header}${JSON.stringify(tableRow(printer, object, now, includeObject))}]}`;
}
