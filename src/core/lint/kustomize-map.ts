// Findings on a kustomization's rendered output (`kubectl kustomize`) carried back to the files a user
// edits: a field the resource has as rendered → that field; one a patch wrote → the kustomization's
// line naming the patch; otherwise the nearest field the resource has (at worst the object's start).
// Generated objects point at their generator, objects that cannot be traced at the `resources` key.
import type { PathSegment } from '../yaml/positions.ts';
import { parseYaml } from '../yaml/parse.ts';
import type { Range } from '../yaml/types.ts';
import type { KustomizationEntries, PatchEntry, PatchTarget } from './kustomize-entries.ts';
import { objectsOf } from './objects.ts';
import { followPath, pathAtOffset, sameValue } from './offset-path.ts';
import type { Finding, KubeObject, LintFile, RelatedLocation } from './types.ts';
import { asMapping, asText, valueAt } from './values.ts';

/** A kustomization as read: its entries, the resources it lists (files, or kustomizations of folders) and its patch files by the path it writes. */
export interface KustomizeNode {
  readonly file: LintFile;
  readonly entries: KustomizationEntries;
  readonly resources: readonly (LintFile | KustomizeNode)[];
  readonly patchFiles: ReadonlyMap<string, LintFile>;
}

/** Where a rendered object came from: a resource's object (with the kustomizations from the root down to its file) or a generator. */
interface Origin {
  readonly kind: string | undefined;
  readonly namespace: string | undefined;
  readonly name: string;
  /** Its name before each kustomization's prefix and suffix, then after: what patches may name. */
  readonly names: readonly string[];
  readonly chain: readonly KustomizeNode[];
  readonly object: KubeObject | undefined;
  readonly generator: Range | undefined;
}

interface Place {
  readonly path: string;
  readonly range: Range;
}

const isNode = (resource: LintFile | KustomizeNode): resource is KustomizeNode => 'entries' in resource;

function origins(node: KustomizeNode, above: readonly KustomizeNode[]): Origin[] {
  const chain = [...above, node];
  const inner = node.resources.flatMap((resource): Origin[] =>
    isNode(resource)
      ? origins(resource, chain)
      : objectsOf(resource).map((object) => ({ kind: object.kind, namespace: object.namespace, name: object.name ?? '', names: [object.name ?? ''], chain, object, generator: undefined })),
  );
  const generated = node.entries.generators.map((generator): Origin => ({ kind: generator.kind, namespace: undefined, name: generator.name, names: [generator.name], chain, object: undefined, generator: generator.range }));
  const { namePrefix, nameSuffix, namespace } = node.entries;
  return [...inner, ...generated].map((origin) => {
    const name = `${namePrefix}${origin.name}${nameSuffix}`;
    return { ...origin, name, names: [...origin.names, name], namespace: namespace ?? origin.namespace };
  });
}

/** The origin of a rendered object: same kind, name (a generator's plus its hash) and namespace, else same kind and name. */
function originOf(all: readonly Origin[], object: KubeObject): Origin | undefined {
  const named = all.filter((origin) => origin.kind === object.kind && (origin.name === object.name || (origin.generator !== undefined && object.name?.startsWith(`${origin.name}-`) === true)));
  return named.find((origin) => origin.namespace === object.namespace) ?? named[0];
}

function targets(target: PatchTarget, origin: Origin): boolean {
  if (target.kind !== undefined && target.kind !== origin.kind) return false;
  const { name } = target;
  if (name === undefined) return true;
  let pattern: RegExp | undefined;
  try {
    pattern = new RegExp(`^(?:${name})$`);
  } catch {
    pattern = undefined;
  }
  return origin.names.some((candidate) => (pattern === undefined ? candidate === name : pattern.test(candidate)));
}

/** Whether one patch writes `path` of the rendered object `root`: a strategic merge patch that has it, or a JSON patch op at or above it. */
function writes(patch: PatchEntry, node: KustomizeNode, origin: Origin, root: unknown, path: readonly PathSegment[]): boolean {
  const text = patch.inline ?? (patch.path === undefined ? undefined : node.patchFiles.get(patch.path)?.parsed.text);
  if (text === undefined) return false;
  return parseYaml(text).documents.some(({ value }) => {
    if (Array.isArray(value)) return patch.target !== undefined && targets(patch.target, origin) && value.some((op) => opWrites(op, path));
    const own = asMapping(value);
    if (own === undefined) return false;
    const aimed = patch.target === undefined ? asText(own.kind) === origin.kind && origin.names.includes(asText(valueAt(own, 'metadata', 'name')) ?? '') : targets(patch.target, origin);
    return aimed && followPath(root, path, own).complete;
  });
}

function opWrites(op: unknown, path: readonly PathSegment[]): boolean {
  const { op: verb, path: pointer } = asMapping(op) ?? {};
  if (!['add', 'replace', 'copy', 'move'].includes(asText(verb) ?? '') || typeof pointer !== 'string') return false;
  // RFC 6901: `~1` is `/`, `~0` is `~`; `-` appends, so it stands for whichever index the item got.
  const steps = pointer.split('/').slice(1).map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
  return steps.length <= path.length && steps.every((step, index) => step === '-' || step === String(path[index]));
}

/** The place of a field of the rendered object `object`, which `offset` lies in. */
function placeOf(object: KubeObject, origin: Origin, offset: number): Place {
  const node = origin.chain[origin.chain.length - 1] as KustomizeNode;
  if (origin.object === undefined) return { path: node.file.path, range: origin.generator ?? node.entries.fallback };
  const source = origin.object;
  const { path, part } = pathAtOffset(object.positions, object.value, offset);
  const followed = followPath(object.value, path, source.value);
  const at = (steps: readonly PathSegment[], side: 'key' | 'value'): Place => ({
    path: source.file.path,
    range: source.positions.at(source.value, steps, side) ?? source.positions.firstKeyRange(source.value) ?? { start: 0, end: 0 },
  });
  // Kind, name and namespace are what kustomize's own transformers rewrite (prefixes, namespace): the resource's.
  const identity = path.length <= 2 && (path[0] === 'kind' || path[0] === 'apiVersion' || (path[0] === 'metadata' && (path[1] === 'name' || path[1] === 'namespace')));
  if (followed.complete && (identity || sameValue(valueIn(object.value, path), followed.value))) return at(followed.path, followed.path.length === 0 ? 'value' : part);
  for (const kustomization of [...origin.chain].reverse()) {
    const patch = [...kustomization.entries.patches].reverse().find((entry) => writes(entry, kustomization, origin, object.value, path));
    if (patch !== undefined) return { path: kustomization.file.path, range: patch.range };
  }
  if (followed.path.length === 0) return at([], 'value');
  return at(followed.path, typeof followed.path[followed.path.length - 1] === 'string' ? 'key' : 'value');
}

function valueIn(root: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<PathSegment, unknown> | undefined)?.[segment], root);
}

/** A root kustomization's output as linted, and the kustomization itself. */
export interface RenderedKustomization {
  readonly file: LintFile;
  readonly root: KustomizeNode;
}

/**
 * Carries a lint run's findings on rendered outputs back to the files they came from; other findings
 * pass unchanged. Fix edits are dropped: they were offsets of the rendered text. A base that two
 * overlays render reports a finding once.
 */
export function traceRenderedFindings(findings: readonly Finding[], rendered: readonly RenderedKustomization[]): Finding[] {
  const tracers = new Map(rendered.map(({ file, root }) => [file.path, tracer(file, root)]));
  const place = (path: string, range: Range): Place => tracers.get(path)?.(range.start) ?? { path, range };
  const seen = new Set<string>();
  const traced: Finding[] = [];
  for (const finding of findings) {
    if (!tracers.has(finding.path)) {
      traced.push(finding);
      continue;
    }
    const { path, range } = place(finding.path, finding.range);
    const key = `${path}\0${range.start}\0${finding.ruleId}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const related = finding.related.map((location): RelatedLocation => ({ ...location, ...place(location.path, location.range) }));
    traced.push({ ...finding, path, range, related, fix: undefined, alternatives: [] });
  }
  return traced.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start - b.range.start));
}

/** The place of an offset of the rendered file: in its object's origin, else the root kustomization's fallback. */
function tracer(file: LintFile, root: KustomizeNode): (offset: number) => Place {
  const all = origins(root, []);
  const objects = objectsOf(file).map((object) => ({ object, range: object.positions.rangeOf(object.value) }));
  return (offset) => {
    // The object whose node holds the offset, or the last one starting before it (a finding on its document's start).
    const holder = objects.find(({ range }) => range !== undefined && range.start <= offset && offset < range.end) ?? objects.findLast(({ range }) => range !== undefined && range.start <= offset);
    const origin = holder === undefined ? undefined : originOf(all, holder.object);
    if (holder === undefined || origin === undefined) return { path: root.file.path, range: root.entries.fallback };
    return placeOf(holder.object, origin, offset);
  };
}
