// The Namespace "Deploy image" creates when the user asks for a new one (the name is checked first).
import { managedByLabels } from './labels.ts';

export function namespaceManifest(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...managedByLabels } } };
}
