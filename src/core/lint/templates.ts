// Files the linter leaves alone or reads as fragments: Helm templates (`{{ .Values.x }}` is not YAML
// until rendered) and the patch files a kustomization names (partial objects by design).
import type { Range } from '../yaml/types.ts';
import type { LintFile, RuleContext } from './types.ts';
import { kustomizationEntries } from './kustomize-entries.ts';
import { asMapping, asText } from './values.ts';

/** Helm's own names inside `{{ }}`: Go templates elsewhere (Prometheus alert text in a ConfigMap) are data. */
const HELM = /\{\{-?[^}]*?(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\binclude\s+"|\btemplate\s+")/;

/**
 * The first Helm expression of a file, if it is a Helm template: one that names Helm's objects. Other
 * `{{ }}` placeholders that break the YAML (old example templates) stay syntax errors: kubectl refuses them.
 */
export function helmExpression(file: LintFile): Range | undefined {
  const { text } = file.parsed;
  // Most files have no `{{` at all: a plain search finds that far faster than the pattern can.
  if (!text.includes('{{')) return undefined;
  const match = HELM.exec(text);
  if (match === null) return undefined;
  const close = text.indexOf('}}', match.index);
  return { start: match.index, end: close < 0 ? match.index + match[0].length : close + 2 };
}

export const isHelmTemplate = (file: LintFile): boolean => helmExpression(file) !== undefined;

const KUSTOMIZATION = /(?:^|[/\\])(?:kustomization\.ya?ml|Kustomization)$/;

/** A file kustomize reads as a folder's kustomization (by name: kustomize's own rule). */
export const isKustomizationPath = (path: string): boolean => KUSTOMIZATION.test(path);

/** A kustomization by its file name or its kind. */
export function isKustomization(file: LintFile): boolean {
  return isKustomizationPath(file.path) || file.parsed.documents.some((document) => asText(asMapping(document.value)?.kind) === 'Kustomization');
}

/** `dir` + `relative` with `.` and `..` steps resolved; separators as `/` (paths and URIs alike). */
export function joinPath(dir: string, relative: string): string {
  const steps: string[] = dir.replaceAll('\\', '/').split('/');
  for (const step of relative.replaceAll('\\', '/').split('/')) {
    if (step === '..' && steps.length > 1) steps.pop();
    else if (step !== '.' && step !== '..') steps.push(step);
  }
  return steps.join('/');
}

/** The files of the set that a kustomization names as patches (`patchesStrategicMerge`, `patches[].path`). */
export function kustomizePatchFiles(context: RuleContext): ReadonlySet<string> {
  const named = new Set<string>();
  for (const file of context.files.filter(isKustomization)) {
    const dir = decodedUri(file.path).replaceAll('\\', '/').replace(/\/?[^/]*$/, '');
    for (const { path } of kustomizationEntries(file).patches) if (path !== undefined) named.add(joinPath(dir === '' ? '.' : dir, path));
  }
  const normal = (path: string) => joinPath('.', path.replaceAll('\\', '/')).replace(/^\.\//, '');
  const wanted = new Set([...named].map(normal));
  return new Set(context.files.map((file) => file.path).filter((path) => wanted.has(normal(decodedUri(path)))));
}

/**
 * The editor names files by URI, percent-encoded (`web%20patch.yaml`), while a kustomization writes the
 * plain name (`"web patch.yaml"`): a URI is compared decoded. A plain path is left as it is (`100%.yaml`).
 */
function decodedUri(path: string): string {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
