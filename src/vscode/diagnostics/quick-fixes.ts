// Quick fixes keyed by rule id: each finding's fix as a WorkspaceEdit (its edits keep comments and
// indentation), "fix all of this rule in the file", and the suppression comment for the line.
import * as vscode from 'vscode';
import type { Finding, Fix, TextEdit } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { Commands } from '../ids.ts';
import { DIAGNOSTIC_SOURCE, toRange } from './finding-diagnostic.ts';
import type { LintController } from './lint-controller.ts';

export function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(document.uri, toRange(document, change), change.newText);
  return edit;
}

/** The edits of a fix that needs an answer, with the answer put in. */
export function withInput(fix: Fix, input: string): TextEdit[] {
  return fix.edits.map((edit) => ({ ...edit, newText: edit.newText.replaceAll('${input}', input) }));
}

// Rule and range, not the message: a re-lint (new cluster facts) may reword a finding while the
// editor still holds the diagnostic it showed, and its fix is the same.
function sameFinding(finding: Finding, diagnostic: vscode.Diagnostic, document: vscode.TextDocument): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.ruleId && toRange(document, finding.range).isEqual(diagnostic.range);
}

/** Every fix of one rule in a file that needs no answer, without overlaps: one edit for "fix all". */
function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const edits = findings.flatMap((finding) => (finding.fix === undefined || finding.fix.input !== undefined ? [] : finding.fix.edits));
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept.at(-1);
    if (last !== undefined && edit.start < last.end) continue;
    if (last !== undefined && edit.start === last.start && edit.end === last.end && edit.newText === last.newText) continue;
    kept.push(edit);
  }
  return kept;
}

export class LintQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly controller: LintController;

  constructor(controller: LintController) {
    this.controller = controller;
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.controller.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findings.find((candidate) => sameFinding(candidate, diagnostic, document));
      if (finding === undefined) continue;
      if (finding.fix !== undefined) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        if (finding.fix.input === undefined) action.edit = workspaceEdit(document, finding.fix.edits);
        else action.command = { command: Commands.applyLintFix, title: finding.fix.title, arguments: [document.uri, finding] };
        actions.push(action);
        const sameRule = findings.filter((candidate) => candidate.ruleId === finding.ruleId);
        const all = fixAllEdits(sameRule);
        if (sameRule.length > 1 && all.length > 1) {
          const fixAll = new vscode.CodeAction(`Fix all ${finding.ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
          fixAll.diagnostics = [diagnostic];
          fixAll.edit = workspaceEdit(document, all);
          actions.push(fixAll);
        }
      }
      for (const alternative of finding.alternatives) {
        const action = new vscode.CodeAction(alternative.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = workspaceEdit(document, alternative.edits);
        actions.push(action);
      }
      const suppress = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
      suppress.diagnostics = [diagnostic];
      suppress.edit = workspaceEdit(document, [loadCoreModule().suppressionEdit(document.getText(), finding.range.start, finding.ruleId)]);
      actions.push(suppress);
    }
    return actions;
  }
}

/** The command behind fixes that ask first (e.g. the tag to pin); tests pass the answer directly. */
export async function applyFixWithInput(uri: vscode.Uri, finding: Finding, answer?: string): Promise<boolean> {
  const fix = finding.fix;
  if (fix?.input === undefined) return false;
  // The typical value is pre-filled and selected, not a grey placeholder: one that looked like a
  // default, while Enter on the empty box did nothing.
  const typical = fix.input.placeholder;
  const input =
    answer ??
    (await vscode.window.showInputBox({
      title: fix.title,
      prompt: fix.input.prompt,
      value: typical,
      valueSelection: [0, typical.length],
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? `Enter a value, e.g. ${typical}.` : undefined),
    }));
  if (input === undefined || input.trim() === '') return false;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.workspace.applyEdit(workspaceEdit(document, withInput(fix, input.trim())));
}
