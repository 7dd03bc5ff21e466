// Entry of the dist/core.js bundle: the pure core the editor loads on first use rather than at activation: the
// lint engine and rules with js-yaml and the schema snapshot (~190 KB minified), YAML dumping, Describe's
// redaction, the kubeconfig edits, and the allocator's formatting for hovers, the report and the fit check.
export { createLintFile, lint, type LintOptions } from './lint/engine.ts';
export { maxFileChars } from './yaml/parse.ts';
export { KustomizeTrees, type TreeIo } from './lint/kustomize-tree.ts';
export { kustomizationEntries } from './lint/kustomize-entries.ts';
export { traceRenderedFindings } from './lint/kustomize-map.ts';
export { fileSetTraits, isPerFileRule } from './lint/locality.ts';
export { parseProjectConfig, projectConfigFileName, readRules, type LintConfig } from './lint/config.ts';
export { allRules } from './lint/rules/index.ts';
export { loadBundledSchema, type SchemaSnapshot } from './lint/schema/snapshot.ts';
export { suppressionEdit } from './lint/suppression.ts';
export type { ClusterFacts, Finding, Fix, LintFile, RequestSuggestion, Rule, Severity, TextEdit } from './lint/types.ts';
export { toYaml } from './yaml/dump.ts';
export { isProfileName, profileNames } from './lint/profiles.ts';
export { describeObject } from './cluster/describe.ts';
export { describeText } from './cluster/describe-text.ts';
export { slimEvent } from './cluster/events/event-model.ts';
export { applyTextEdit, contextNamespaceEdit } from './cluster/context-namespace-edit.ts';
export { containerResourcesAt, type ContainerResourcesAt } from './lint/container-at.ts';
export { estimateQuantities } from './allocator/recommender.ts';
export { chartSvg, seriesPeak, sparkline } from './allocator/sparkline.ts';
export { amountTexts, finiteAmounts, requestsYaml, requestTexts, rightSizingCsv, rightSizingRows, rightSizingTotals, setByText, type Autoscalers, type RightSizingRow, type RightSizingTotals } from './allocator/right-sizing.ts';
export { fitSummary, nodeStatesFromCache, type FitSummary } from './cluster/cache-fit.ts';
export { requestSuggestion } from './lint/request-suggestions.ts';
export { completions, type AuthoringInput, type CompletionEntry } from './authoring/completion.ts';
export { hoverAt } from './authoring/hover.ts';
export { kustomizePathCompletions, kustomizePathRequest, type DirectoryEntry } from './authoring/kustomize-path-completion.ts';
export { folderObjects } from './authoring/references.ts';
export { documentSymbols, type ObjectSymbol } from './authoring/symbols.ts';
export { foldingRanges } from './authoring/folding.ts';
export { Navigation, type Place } from './authoring/navigation.ts';
export type { VersionedSchemas } from './authoring/schema-data.ts';
export { editText, parseEdited, savePlan } from './live-edit/live-save.ts';
export { manifestOf } from './live-edit/manifest.ts';
