import { referenceRule } from '../reference-rule.ts';

export const missingConfigMap = referenceRule(
  'missing-config-map',
  'ConfigMap',
  'The pod does not start ("configmap not found", CreateContainerConfigError) until the ConfigMap or key exists; usually a rename that missed a reference.',
);
