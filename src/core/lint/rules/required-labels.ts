import { requiredMetadataRule } from '../required-metadata.ts';

export const requiredLabels = requiredMetadataRule(
  'required-labels',
  'labels',
  'requiredLabels',
  'Teams select, bill and route alerts by labels such as owner or app.kubernetes.io/name: an object without them falls outside every report.',
);
