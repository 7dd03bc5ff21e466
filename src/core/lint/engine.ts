// The lint engine. Adapters (the editor, the CLI) call it in three steps:
//   1. createLintFile(path, text) per file: parses once; keep it while the text is unchanged.
//   2. lint(files, options): one file set (the saved file, or all open manifests of a folder, or all
//      CLI inputs) with the config, the target version, the schema (loadBundledSchema or the
//      cluster's) and optional cluster facts.
//   3. Each Finding has the rule id, severity, message, zero-based offsets (file.lines() turns them into
//      line/column, CRLF and BOM aware), related locations and fix edits; allRules gives each rule's
//      description and why for hovers and docs.
import { LineIndex } from '../yaml/line-index.ts';
import { parseYaml } from '../yaml/parse.ts';
import { emptyConfig, type LintConfig } from './config.ts';
import { isAnyKind } from './kinds.ts';
import { objectsOf } from './objects.ts';
import { type ProfileName, runsUnder } from './profiles.ts';
import { allRules } from './rules/index.ts';
import { withCrdSchemas } from './schema/crd-schema.ts';
import { isHelmTemplate, isKustomization } from './templates.ts';
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { type SchemaIssue, schemaIssues } from './schema/validate.ts';
import { ignoredByAnnotation, ignoredByComment } from './suppression.ts';
import type { ClusterFacts, Finding, KubeObject, LintFile, Report, Rule, RuleContext, SetObject, Severity } from './types.ts';
import { indexWorkloads } from './workloads.ts';

/** The Kubernetes version linted against when neither a cluster nor the setting names one: the bundled schema's. */
export const defaultKubernetesVersion = '1.34';

export interface LintOptions {
  readonly config?: LintConfig;
  /** `major.minor`; the connected cluster's, else the setting's, else the default. */
  readonly kubernetesVersion?: string;
  readonly cluster?: ClusterFacts;
  /** The schema for the schema rules: the bundled snapshot (loadBundledSchema) or the cluster's. */
  readonly schema?: SchemaSnapshot;
  /** The rules to run, before the profile and the config choose among them; all of them by default. */
  readonly rules?: readonly Rule[];
  /** Overrides the config's profile (the CLI's --profile). */
  readonly profile?: ProfileName;
  /**
   * When `files` are one part of a file set linted in parts (the CLI's worker threads): given the
   * objects of `files`, every object of the set in set order, those given among them. Rules check only
   * the objects of `files` and compare them with the whole set.
   */
  readonly wholeSet?: (objects: readonly KubeObject[]) => readonly SetObject[];
}

/** Parses a file once; the result can be kept and linted again with other files of its set. */
export function createLintFile(path: string, text: string): LintFile {
  const parsed = parseYaml(text);
  let lines: LineIndex | undefined;
  return { path, parsed, lines: () => (lines ??= new LineIndex(text)) };
}

/** The objects a file brings to its set: none from Helm templates and kustomizations (only yaml-syntax speaks of those). */
export function setObjectsOf(file: LintFile): KubeObject[] {
  return isHelmTemplate(file) || isKustomization(file) ? [] : objectsOf(file);
}

/** Lints a file set: every rule over the objects of its kinds, suppressions applied, findings sorted by place. */
export function lint(files: readonly LintFile[], options: LintOptions = {}): Finding[] {
  const config = options.config ?? emptyConfig;
  const profile = options.profile ?? config.profile ?? 'default';
  const objects = files.flatMap(setObjectsOf);
  const set = options.wholeSet?.(objects) ?? objects;
  let issues: readonly SchemaIssue[] | undefined;
  const derived = new Map<(context: RuleContext) => unknown, unknown>();
  const context: RuleContext = {
    files,
    objects: set,
    workloads: indexWorkloads(set),
    facts: { kubernetesVersion: options.kubernetesVersion ?? defaultKubernetesVersion, cluster: options.cluster, schema: options.schema, profile, options: config.options ?? {} },
    schemaIssues: () => (issues ??= options.schema === undefined ? [] : schemaIssues(objects, withCrdSchemas(options.schema, set))),
    derived: <T>(compute: (context: RuleContext) => T): T => {
      if (!derived.has(compute)) derived.set(compute, compute(context));
      return derived.get(compute) as T;
    },
  };
  const ofKinds = objectsByKinds(objects);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = config.rules[rule.id];
    // A severity in the config turns on a rule that the profile leaves out.
    if (setting === 'off' || (setting === undefined && !runsUnder(rule, profile))) continue;
    if (!('checkObject' in rule)) collect(findings, rule, setting, rule.check(context));
    else for (const object of ofKinds(rule.kinds)) collect(findings, rule, setting, rule.checkObject(object, context));
  }
  return sortFindings(findings);
}

/** Findings in the order lint() returns them: by file, place, rule (stable: a rule's own order stays). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(compareFindings);
}

/** The order of sortFindings. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.path, b.path) || a.range.start - b.range.start || compareText(a.ruleId, b.ruleId);
}

/** Adds a rule's reports as findings, unless an annotation or a comment suppresses them. */
function collect(findings: Finding[], rule: Rule, setting: Severity | undefined, reports: Iterable<Report>): void {
  for (const report of reports) {
    if (ignoredByAnnotation(report.object, rule.id)) continue;
    if (ignoredByComment(report.file.parsed.text, report.range.start, rule.id)) continue;
    findings.push({
      ruleId: rule.id,
      severity: setting ?? report.severity ?? rule.severity,
      category: rule.category,
      message: report.message,
      path: report.file.path,
      range: report.range,
      related: report.related ?? [],
      fix: report.fix,
      alternatives: report.alternatives ?? [],
    });
  }
}

/**
 * The objects of some kinds, in file order (all of them for anyKind). Rules share a few kind lists
 * (podKinds among thirty), so each list is filtered once per lint run.
 */
function objectsByKinds(objects: readonly KubeObject[]): (kinds: readonly string[]) => readonly KubeObject[] {
  const filtered = new Map<readonly string[], readonly KubeObject[]>();
  return (kinds) => {
    let found = filtered.get(kinds);
    if (found === undefined) {
      found = isAnyKind(kinds) ? objects : objects.filter((object) => object.kind !== undefined && kinds.includes(object.kind));
      filtered.set(kinds, found);
    }
    return found;
  };
}

/** Code-unit order: stable across locales and much cheaper than localeCompare on thousands of findings. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
