// The quick fix of deprecated-api-version. Changing the apiVersion alone can leave an object that its
// new version rejects: apps/v1 requires the selector that extensions/v1beta1 and apps/v1beta1 filled
// in from the pod template's labels, and networking.k8s.io/v1 moved the Ingress backend fields.
import { replaceEdit, setPathsEdit } from './edits.ts';
import { rangeIn } from './ranges.ts';
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { schemaIssues } from './schema/validate.ts';
import type { Fix, KubeObject, TextEdit } from './types.ts';
import { mappingAt, stringMap } from './values.ts';

/** The selector the old API defaulted, for an apps/v1 workload that sets none (undefined otherwise). */
function defaultedSelector(object: KubeObject, replacement: string): Record<string, string> | undefined {
  const spec = mappingAt(object.value, 'spec');
  if (replacement !== 'apps/v1' || spec === undefined || spec.selector !== undefined) return undefined;
  const labels = stringMap(mappingAt(spec, 'template', 'metadata', 'labels'));
  return Object.keys(labels).length === 0 ? undefined : labels;
}

/**
 * Changes the apiVersion to its replacement and writes the selector the old API defaulted. Without a
 * schema the fix is offered as before; with one it is withheld when the object would have more schema
 * problems under the new version than under the old (fields to migrate by hand), so applying it never
 * adds findings.
 */
export function apiVersionFix(object: KubeObject, replacement: string, schema: SchemaSnapshot | undefined): Fix | undefined {
  const edits: TextEdit[] = [replaceEdit(rangeIn(object, object.value, 'apiVersion'), replacement)];
  let value: Record<string, unknown> = { ...object.value, apiVersion: replacement };
  let title = `Change apiVersion to ${replacement}`;
  const labels = defaultedSelector(object, replacement);
  const spec = mappingAt(object.value, 'spec');
  const selectorEdits = labels === undefined || spec === undefined ? undefined : setPathsEdit(object, spec, Object.entries(labels).map(([key, label]) => ({ path: ['selector', 'matchLabels', key], scalar: JSON.stringify(label) })));
  if (labels !== undefined && selectorEdits !== undefined) {
    // A loop, not push(...): a template may carry more labels than the call stack has room for arguments.
    for (const edit of selectorEdits) edits.push(edit);
    value = { ...value, spec: { ...spec, selector: { matchLabels: labels } } };
    title += ' with the selector from the template labels';
  }
  if (schema !== undefined && schemaIssues([{ ...object, apiVersion: replacement, value }], schema).length > schemaIssues([object], schema).length) return undefined;
  return { title, edits };
}
