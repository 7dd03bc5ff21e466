// Navigation between the objects of the folder's manifests: Go to Definition from a field that names an
// object (configMapRef.name, scaleTargetRef.name, ...) or from a selector to the workloads it selects,
// Find All References from an object's name, and a workload's "selected by 2 Services" summary. Built on
// the linter's objects, workload index and selector matching, and completion's table of reference fields.
import { objectsOf } from '../lint/objects.ts';
import { mayShareNamespace } from '../lint/references.ts';
import { mapSelectorMatches, selectorMatches, templateLabels } from '../lint/selectors.ts';
import type { KubeObject, LintFile } from '../lint/types.ts';
import { stringMap, valueAt } from '../lint/values.ts';
import { indexWorkloads, type WorkloadIndex } from '../lint/workloads.ts';
import type { PathSegment } from '../yaml/positions.ts';
import type { Range } from '../yaml/types.ts';
import { referencedKind } from './references.ts';

/** A place in a file of the set (its path as the file set names it). */
export interface Place {
  readonly path: string;
  readonly range: Range;
}

/** A workload's summary line and the places it counts. */
export interface WorkloadLens {
  readonly range: Range;
  readonly title: string;
  readonly places: readonly Place[];
}

interface Scalar {
  readonly path: readonly PathSegment[];
  readonly value: string;
  /** From its key (when in a mapping) to the end of its value: where the cursor may be. */
  readonly span: Range;
  readonly valueRange: Range;
  /** The object it names, if the field is a reference. */
  readonly names: string | undefined;
}

interface Referrer {
  readonly place: Place;
  readonly relation: 'names' | 'selects';
  /** The referrer's kind, or its selector's short label (PDB). */
  readonly label: string;
}

interface SelectorField {
  readonly path: readonly string[];
  readonly matches: (selector: unknown, labels: Readonly<Record<string, string>>) => boolean;
  readonly label: string;
}

/** Where each kind selects pods; a Service's empty selector selects none (its endpoints are managed by hand). */
const selectorFields: Readonly<Record<string, SelectorField>> = {
  Service: { path: ['spec', 'selector'], matches: (selector, labels) => Object.keys(stringMap(selector)).length > 0 && mapSelectorMatches(stringMap(selector), labels), label: 'Service' },
  PodDisruptionBudget: { path: ['spec', 'selector'], matches: selectorMatches, label: 'PDB' },
  NetworkPolicy: { path: ['spec', 'podSelector'], matches: selectorMatches, label: 'NetworkPolicy' },
};

const contains = (range: Range, offset: number): boolean => range.start <= offset && offset <= range.end;
const listStep = (step: PathSegment): PathSegment => (typeof step === 'number' ? 0 : step);

/** Every string scalar of an object with its path, bounded in depth against pathological nesting. */
function* scalarsOf(object: KubeObject, value: unknown = object.value, path: readonly PathSegment[] = []): Iterable<Scalar> {
  if (typeof value !== 'object' || value === null || path.length > 64) return;
  const siblings = new Map(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  for (const [key, child] of Object.entries(value)) {
    const step: PathSegment = Array.isArray(value) ? Number(key) : key;
    const childPath = [...path, step];
    if (typeof child !== 'string') {
      yield* scalarsOf(object, child, childPath);
      continue;
    }
    const valueRange = object.positions.valueRange(value, step);
    if (valueRange === undefined) continue;
    const keyStart = typeof step === 'string' ? object.positions.keyRange(value, step)?.start : undefined;
    const names = typeof step === 'string' ? referencedKind(path.map(listStep), step, siblings) : undefined;
    yield { path: childPath, value: child, span: { start: keyStart ?? valueRange.start, end: valueRange.end }, valueRange, names };
  }
}

const nameRange = (object: KubeObject): Range => object.positions.at(object.value, ['metadata', 'name'], 'key') ?? object.range;
const place = (object: KubeObject, range: Range = object.range): Place => ({ path: object.file.path, range });
function plural(count: number, label: string): string {
  if (count === 1) return `1 ${label}`;
  return `${count} ${label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`}`;
}

export class Navigation {
  private readonly objects: readonly KubeObject[];
  private readonly workloads: WorkloadIndex<KubeObject>;
  private named: Map<string, { object: KubeObject; range: Range }[]> | undefined;
  private selecting: Map<KubeObject, Referrer[]> | undefined;

  constructor(files: readonly LintFile[]) {
    this.objects = files.flatMap(objectsOf);
    this.workloads = indexWorkloads(this.objects);
  }

  /** The objects a field at `offset` names or selects. */
  definitions(path: string, offset: number): Place[] {
    const object = this.objectAt(path, offset);
    if (object === undefined) return [];
    const scalar = [...scalarsOf(object)].find((candidate) => contains(candidate.span, offset));
    if (scalar?.names !== undefined) {
      return this.objects.filter((other) => other.kind === scalar.names && other.name === scalar.value && mayShareNamespace(other.namespace, object.namespace)).map((other) => place(other));
    }
    const field = object.kind === undefined ? undefined : selectorFields[object.kind];
    const selector = field === undefined ? undefined : object.positions.at(object.value, field.path, 'key');
    const block = selector === undefined ? undefined : { start: selector.start, end: object.positions.at(object.value, field!.path)?.end ?? selector.end };
    if (field === undefined || block === undefined || !contains(block, offset)) return [];
    return this.selectedBy(object, field).map((workload) => place(workload));
  }

  /** The places naming or selecting the object whose `metadata.name` is at `offset` (and the name itself). */
  references(path: string, offset: number, includeDeclaration: boolean): Place[] {
    const object = this.objectAt(path, offset);
    const name = object === undefined ? undefined : { start: nameRange(object).start, end: object.range.end };
    if (object?.name === undefined || name === undefined || !contains(name, offset)) return [];
    return [...(includeDeclaration ? [place(object)] : []), ...this.referrers(object).map((entry) => entry.place)];
  }

  /** A summary per workload of the file that something selects or scales. */
  lenses(path: string): WorkloadLens[] {
    return this.objects.flatMap((object) => {
      if (object.file.path !== path || !this.workloads.pods.some((pod) => pod.object === object)) return [];
      const referrers = this.referrers(object);
      const count = (relation: string, label: string) => referrers.filter((entry) => entry.relation === relation && entry.label === label).length;
      const selected = Object.values(selectorFields).map((field) => [count('selects', field.label), field.label] as const).filter(([total]) => total > 0);
      const scaled = count('names', 'HorizontalPodAutoscaler');
      const parts = [selected.length > 0 ? `selected by ${selected.map(([total, label]) => plural(total, label)).join(', ')}` : '', scaled > 0 ? `scaled by ${plural(scaled, 'HPA')}` : ''].filter((part) => part !== '');
      return parts.length === 0 ? [] : [{ range: object.range, title: parts.join(' · '), places: referrers.map((entry) => entry.place) }];
    });
  }

  private objectAt(path: string, offset: number): KubeObject | undefined {
    return this.objects.find((object) => object.file.path === path && contains(object.positions.rangeOf(object.value) ?? object.range, offset));
  }

  private selectedBy(selector: KubeObject, field: SelectorField): KubeObject[] {
    const chosen = valueAt(selector.value, ...field.path);
    return this.workloads.pods.filter((pod) => mayShareNamespace(pod.object.namespace, selector.namespace) && field.matches(chosen, templateLabels(pod))).map((pod) => pod.object);
  }

  /** Who names the object in a reference field, and which selectors select its pods. */
  private referrers(target: KubeObject): Referrer[] {
    const names = (this.named ??= this.indexNames()).get(`${target.kind ?? ''}\u0000${target.name ?? ''}`) ?? [];
    const naming = names.filter((entry) => mayShareNamespace(entry.object.namespace, target.namespace)).map((entry) => ({ place: place(entry.object, entry.range), relation: 'names' as const, label: entry.object.kind ?? '' }));
    return [...naming, ...((this.selecting ??= this.indexSelections()).get(target) ?? [])];
  }

  /** The selectors selecting each workload, matched once (not per workload: a lens per workload would be quadratic). */
  private indexSelections(): Map<KubeObject, Referrer[]> {
    const index = new Map<KubeObject, Referrer[]>();
    for (const object of this.objects) {
      const field = object.kind === undefined ? undefined : selectorFields[object.kind];
      if (field === undefined) continue;
      const referrer: Referrer = { place: place(object, object.positions.at(object.value, field.path, 'key') ?? object.range), relation: 'selects', label: field.label };
      for (const workload of this.selectedBy(object, field)) index.set(workload, [...(index.get(workload) ?? []), referrer]);
    }
    return index;
  }

  /** Every reference field of the set by `kind name` of what it names, found once. */
  private indexNames(): Map<string, { object: KubeObject; range: Range }[]> {
    const index = new Map<string, { object: KubeObject; range: Range }[]>();
    for (const object of this.objects) {
      for (const scalar of scalarsOf(object)) {
        if (scalar.names === undefined) continue;
        const slot = `${scalar.names}\u0000${scalar.value}`;
        index.set(slot, [...(index.get(slot) ?? []), { object, range: scalar.valueRange }]);
      }
    }
    return index;
  }
}
