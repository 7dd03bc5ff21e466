import type { LineIndex } from '../yaml/line-index.ts';
import type { Positions } from '../yaml/positions.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import type { Range, YamlDocument } from '../yaml/types.ts';
import type { RuleOptions } from './config.ts';
import type { ProfileName } from './profiles.ts';
import type { SchemaSnapshot } from './schema/snapshot.ts';
import type { SchemaIssue } from './schema/validate.ts';
import type { WorkloadIndex } from './workloads.ts';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export type Category = 'schema' | 'consistency' | 'resources' | 'images' | 'security' | 'reliability';

/** One replacement in the finding's file, on offsets of its text. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * A quick fix as text edits that keep the file's comments and indentation. When `input` is set, the
 * adapter asks the user first and substitutes the answer for every `${input}` in the edits' text.
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly input?: { readonly prompt: string; readonly placeholder: string };
}

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** What the engine returns: everything an editor diagnostic, a hover or a SARIF result needs. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly message: string;
  readonly path: string;
  readonly range: Range;
  readonly related: readonly RelatedLocation[];
  readonly fix: Fix | undefined;
  /** Other fixes for the same finding, offered after the preferred one (Guaranteed / Burstable requests). */
  readonly alternatives: readonly Fix[];
}

/** A file of the file set, parsed once. `lines` is built on first use. */
export interface LintFile {
  readonly path: string;
  readonly parsed: ParsedYaml;
  readonly lines: () => LineIndex;
}

/**
 * An object of the file set as any rule may read it: its value and where it is named. The objects of
 * files parsed elsewhere (the CLI's other worker threads) carry no more than this, so a rule reports
 * only on the object it checks (a KubeObject) and points at others through `path` and `range`.
 */
export interface SetObject {
  readonly path: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** The API group ('' for core v1). */
  readonly group: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** Where the object is named (metadata.name, else kind, else the document): related locations point here. */
  readonly range: Range;
}

/** One Kubernetes object parsed here: a document's root mapping, or an item of a `kind: List`. */
export interface KubeObject extends SetObject {
  readonly file: LintFile;
  readonly document: YamlDocument;
  readonly positions: Positions;
}

/** What a connected cluster (or the allocator) knows; every field optional, rules that need one skip without it. */
export interface ClusterFacts {
  /** The largest allocatable of any node, per resource, as quantity strings (`cpu: "3920m"`). */
  readonly largestNodeAllocatable?: Readonly<Record<string, string>>;
  /** Requests the allocator suggests from observed usage, per workload container. */
  readonly suggestions?: readonly RequestSuggestion[];
  /** Relative difference above which a suggestion is reported (default 0.3). */
  readonly suggestionTolerance?: number;
  /** Kinds the cluster serves beyond the built-in ones (its CRDs). */
  readonly knownKinds?: readonly { readonly apiVersion: string; readonly kind: string; readonly namespaced: boolean }[];
  /** The labels of the cluster's namespaces by name: their pod-security.kubernetes.io labels choose the Pod Security level. */
  readonly namespaceLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface RequestSuggestion {
  /** The workload's kind, or '*' for any kind that runs pods. */
  readonly kind: string;
  /** Undefined matches a manifest that sets no namespace. */
  readonly namespace: string | undefined;
  readonly name: string;
  readonly container: string;
  /** Suggested requests (the target) as quantity strings, e.g. { cpu: "250m", memory: "300Mi" }. */
  readonly requests: Readonly<Record<string, string>>;
  /** The recommendation's bounds, when known: the Burstable fix requests the lower and limits the upper. */
  readonly lowerBound?: Readonly<Record<string, string>>;
  readonly upperBound?: Readonly<Record<string, string>>;
  /** Typical usage per pod (P50), when known: what an HPA on the workload would divide by the request. */
  readonly usage?: Readonly<Record<string, string>>;
  /** The cluster's own VerticalPodAutoscaler's target for this container, offered as a choice of its own. */
  readonly vpa?: { readonly name: string; readonly requests: Readonly<Record<string, string>> };
}

/** Facts a rule may read beyond the file set. */
export interface LintFacts {
  /** `major.minor`, e.g. "1.34". */
  readonly kubernetesVersion: string;
  readonly cluster: ClusterFacts | undefined;
  /** The schema the schema rules check against; they stay silent without one. */
  readonly schema: SchemaSnapshot | undefined;
  /** The rule profile of the run: it also sets the Pod Security level of workloads whose namespace has no pod-security label. */
  readonly profile: ProfileName;
  /** The config's rule options (minimum replicas, required labels and annotations). */
  readonly options: RuleOptions;
}

export interface RuleContext {
  /** The files linted here; with `set`, the file set holds others too. */
  readonly files: readonly LintFile[];
  /** Every object of the file set, in file order: those of `files` as KubeObjects, in set order with the rest. */
  readonly objects: readonly SetObject[];
  /** The pod specs and containers of the file set's objects. */
  readonly workloads: WorkloadIndex;
  readonly facts: LintFacts;
  /** Schema problems of the file set, computed on first call and shared by the three schema rules. */
  readonly schemaIssues: () => readonly SchemaIssue[];
  /**
   * A value derived from the file set (a pod index, the HPAs' targets), computed on the first call with
   * that function in this lint run and shared by every object and rule that asks for it.
   */
  readonly derived: <T>(compute: (context: RuleContext) => T) => T;
}

/** What a rule reports; the engine adds rule id, severity, category and path, and applies suppressions. */
export interface Report {
  readonly file: LintFile;
  /** The object the finding belongs to (its ignore annotation applies); undefined for file-level findings. */
  readonly object: KubeObject | undefined;
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. a removed API is an error). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  readonly alternatives?: readonly Fix[];
}

interface RuleInfo {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  /**
   * The kinds whose objects the rule checks, matched on `kind` alone whatever the apiVersion (a custom
   * resource too); `anyKind` (['*']) for every object. Shown in the docs, and the engine's filter for `checkObject`.
   */
  readonly kinds: readonly string[];
  /** What triggers it, one sentence. */
  readonly description: string;
  /** Why it matters, shown in hovers and docs. */
  readonly why: string;
  /** The quick fix it offers, if any (one phrase). */
  readonly fix?: string;
  /** The smallest profile that turns the rule on (profiles.ts); unset: every profile. */
  readonly profile?: 'pss-baseline' | 'pss-restricted' | 'all';
}

/** Most rules: one object at a time, reading the rest of the file set through the context when they compare. */
export interface ObjectRule extends RuleInfo {
  /** Called by the engine for each object whose kind is in `kinds`, in file order. */
  checkObject(object: KubeObject, context: RuleContext): Iterable<Report>;
}

/** Rules over the file set as a whole: findings outside any object (YAML errors) or over shared results. */
export interface FileSetRule extends RuleInfo {
  check(context: RuleContext): Iterable<Report>;
}

export type Rule = ObjectRule | FileSetRule;
