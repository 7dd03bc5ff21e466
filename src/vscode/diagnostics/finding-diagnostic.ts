// A lint finding as a VS Code diagnostic: the rule id as its code (linked to the rule's docs), the
// finding's offsets as a Range of the document, related locations for cross-object findings.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/editor-core.ts';
import type { Range as OffsetRange } from '../../core/yaml/types.ts';
import type { RuleDocLinks } from './rule-doc-links.ts';

export const DIAGNOSTIC_SOURCE = 'kube-workbench';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Where offsets of a text are in the editor: an open document, or a file's text read from disk. */
export type OffsetPositions = Pick<vscode.TextDocument, 'uri' | 'positionAt'>;

export function toRange(document: OffsetPositions, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

export function findingDiagnostic(
  finding: Finding,
  document: OffsetPositions,
  documentFor: (path: string) => OffsetPositions | undefined,
  ruleLinks: RuleDocLinks,
): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, finding.range), finding.message, severities[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleLinks.target(finding.ruleId) };
  const related = finding.related.flatMap((location) => {
    const other = documentFor(location.path);
    return other === undefined ? [] : [new vscode.DiagnosticRelatedInformation(new vscode.Location(other.uri, toRange(other, location.range)), location.message)];
  });
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}
