import { hasKubernetesDocument } from '../core/lint/objects.ts';
import { isKustomization } from '../core/lint/templates.ts';
import type { LintFile } from '../core/lint/types.ts';

/**
 * A file found by walking a folder that is not Kubernetes (Helm values, CI configs): left alone, as in
 * the editor. Kustomizations stay (they name partial patch files and are rendered), and so do files
 * that fail to parse or were skipped (the user hears of those).
 */
export function leftAlone(file: LintFile, discovered: boolean): boolean {
  return discovered && file.parsed.skipped === undefined && !hasKubernetesDocument(file) && !isKustomization(file) && file.parsed.documents.every((document) => document.error === undefined);
}
