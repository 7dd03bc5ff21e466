/**
 * Query parameters read as kube-apiserver's parameter codec reads them (apimachinery's
 * Convert_Slice_string_To_bool): absent, `0` or `false` in any case is false, anything else
 * (`true`, `True`, `1`, even an empty value) is true. The Python client sends `True`.
 */
import { invalidOptions } from './status.ts';

export function booleanParam(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null) return false;
  return value !== '0' && value.toLowerCase() !== 'false';
}

/** `dryRun` is a list whose only valid member is `All`; the server answers anything else with 422 on the verb's options. */
export function dryRunParam(query: URLSearchParams, optionsKind: string): boolean {
  const values = query.getAll('dryRun');
  const unsupported = values.filter((value) => value !== 'All');
  if (unsupported.length > 0) {
    const listed = values.map((value) => JSON.stringify(value)).join(', ');
    throw invalidOptions(optionsKind, 'meta.k8s.io', '', [{ reason: 'FieldValueNotSupported', message: `Unsupported value: []string{${listed}}: supported values: "All"`, field: 'dryRun' }]);
  }
  return values.length > 0;
}
