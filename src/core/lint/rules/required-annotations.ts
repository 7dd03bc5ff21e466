import { requiredMetadataRule } from '../required-metadata.ts';

export const requiredAnnotations = requiredMetadataRule(
  'required-annotations',
  'annotations',
  'requiredAnnotations',
  'Annotations such as an owner contact or a runbook link are what on-call needs when the object misbehaves.',
);
