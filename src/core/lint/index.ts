// Entry of the dist/lint.js bundle: what the editor needs of the lint engine (and of js-yaml, and the allocator's
// formatting for hovers and the right-sizing report), loaded on the first lint rather than at activation (the
// rules, js-yaml and the schema snapshot are ~190 KB minified).
export { createLintFile, lint } from './engine.ts';
export { parseProjectConfig, projectConfigFileName, readRules, type LintConfig } from './config.ts';
export { allRules } from './rules/index.ts';
export { loadBundledSchema, type SchemaSnapshot } from './schema/snapshot.ts';
export { suppressionEdit } from './suppression.ts';
export type { ClusterFacts, Finding, Fix, LintFile, RequestSuggestion, Rule, Severity, TextEdit } from './types.ts';
export { toYaml } from '../yaml/dump.ts';
export { describeObject } from '../cluster/describe.ts';
export { applyTextEdit, contextNamespaceEdit } from '../cluster/context-namespace-edit.ts';
export { containerResourcesAt, type ContainerResourcesAt } from './container-at.ts';
export { estimateQuantities } from '../allocator/recommender.ts';
export { chartSvg, seriesPeak, sparkline } from '../allocator/sparkline.ts';
export { amountTexts, rightSizingCsv, rightSizingRows, rightSizingTotals, type RightSizingRow, type RightSizingTotals } from '../allocator/right-sizing.ts';
export { fitSummary, nodeStatesFromCache, type FitSummary } from '../cluster/cache-fit.ts';
export { requestSuggestion } from './request-suggestions.ts';
