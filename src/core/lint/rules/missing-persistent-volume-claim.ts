import { referenceRule } from '../reference-rule.ts';

export const missingPersistentVolumeClaim = referenceRule(
  'missing-persistent-volume-claim',
  'PersistentVolumeClaim',
  'The pod stays Pending ("persistentvolumeclaim not found") until the claim exists.',
);
