import { referenceRule } from '../reference-rule.ts';

export const missingSecret = referenceRule(
  'missing-secret',
  'Secret',
  'The pod does not start ("secret not found", CreateContainerConfigError) until the Secret or key exists; usually a rename that missed a reference.',
);
