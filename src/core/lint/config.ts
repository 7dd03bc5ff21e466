import { parseYaml } from '../yaml/parse.ts';
import { isProfileName, type ProfileName, profileNames } from './profiles.ts';
import { type Severity, severities } from './types.ts';
import { asMapping } from './values.ts';

export type RuleSetting = Severity | 'off';

/** The `rules` map shared by the setting `kubeWorkbench.lint.rules` and the `.kube-workbench.yaml` file. */
export interface LintConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** The rule profile (profiles.ts); `default` when unset. */
  readonly profile?: ProfileName;
  readonly options?: RuleOptions;
}

/** Settings some rules read (`.kube-workbench.yaml` top-level keys of the same names). */
export interface RuleOptions {
  /** minimum-replicas: the fewest replicas a Deployment or StatefulSet may run (default 2). */
  readonly minReplicas?: number;
  /** required-labels: label keys every object must carry. */
  readonly requiredLabels?: readonly string[];
  /** required-annotations: annotation keys every object must carry. */
  readonly requiredAnnotations?: readonly string[];
}

export const projectConfigFileName = '.kube-workbench.yaml';
export const emptyConfig: LintConfig = { rules: {} };

/**
 * Reads a rules map (from settings or a parsed project file), keeping what is valid and naming the rest.
 * Unknown ids and values are errors rather than silently ignored, so a typo in CI config is seen.
 */
export function readRules(value: unknown, knownIds: readonly string[]): { config: LintConfig; errors: string[] } {
  const rules: Record<string, RuleSetting> = {};
  const errors: string[] = [];
  const mapping = asMapping(value);
  if (value !== undefined && value !== null && mapping === undefined) errors.push('`rules` must be a map of rule id to off|error|warning|info|hint');
  for (const [id, setting] of Object.entries(mapping ?? {})) {
    if (!knownIds.includes(id)) errors.push(`unknown rule id '${id}'`);
    else if (setting === 'off' || severities.includes(setting as Severity)) rules[id] = setting as RuleSetting;
    else errors.push(`rule '${id}': '${String(setting)}' is not off, error, warning, info or hint`);
  }
  return { config: { rules }, errors };
}

/** Parses the text of a `.kube-workbench.yaml` file (the caller reads it): `profile`, `rules` and the rule options. */
export function parseProjectConfig(text: string, knownIds: readonly string[]): { config: LintConfig; errors: string[] } {
  const parsed = parseYaml(text);
  const broken = parsed.documents.find((document) => document.error !== undefined);
  if (parsed.skipped !== undefined) return { config: emptyConfig, errors: [parsed.skipped] };
  if (broken?.error !== undefined) return { config: emptyConfig, errors: [`not valid YAML: ${broken.error.message}`] };
  const root = parsed.documents[0]?.value ?? null;
  const mapping = asMapping(root);
  if (root !== null && mapping === undefined) return { config: emptyConfig, errors: ['the file must be a mapping with a `rules` key'] };
  const { config, errors } = readRules(mapping?.rules, knownIds);
  const profile = mapping?.profile;
  if (profile !== undefined && !isProfileName(profile)) errors.push(`profile '${String(profile)}' is not ${profileNames.join(', ')}`);
  const options = readOptions(mapping ?? {}, errors);
  return { config: { ...config, ...(isProfileName(profile) ? { profile } : {}), ...(Object.keys(options).length === 0 ? {} : { options }) }, errors };
}

function readOptions(mapping: Readonly<Record<string, unknown>>, errors: string[]): RuleOptions {
  const options: { -readonly [K in keyof RuleOptions]: RuleOptions[K] } = {};
  const min = mapping.minReplicas;
  if (typeof min === 'number' && Number.isInteger(min) && min >= 1) options.minReplicas = min;
  else if (min !== undefined) errors.push('`minReplicas` must be a whole number of at least 1');
  for (const key of ['requiredLabels', 'requiredAnnotations'] as const) {
    const value = mapping[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry !== '')) options[key] = value as string[];
    else errors.push(`\`${key}\` must be a list of keys`);
  }
  return options;
}
