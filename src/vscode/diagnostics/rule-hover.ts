// Hovering a finding's range explains the rule: what triggers it, why it matters, the fix it offers.
import * as vscode from 'vscode';
import { loadCoreModule } from '../bundle-loader.ts';
import type { LintController } from './lint-controller.ts';

export class RuleHover implements vscode.HoverProvider {
  private readonly controller: LintController;

  constructor(controller: LintController) {
    this.controller = controller;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const hits = this.controller.findingsFor(document).filter((finding) => finding.range.start <= offset && offset <= finding.range.end);
    const rules = loadCoreModule().allRules;
    const sections = [...new Set(hits.map((finding) => finding.ruleId))].flatMap((id) => {
      const rule = rules.find((candidate) => candidate.id === id);
      if (rule === undefined) return [];
      const lines = [`**${rule.id}** (${rule.category}, ${rule.severity}): ${rule.description}`, `*Why it matters:* ${rule.why}`];
      if (rule.fix !== undefined) lines.push(`*Quick fix:* ${rule.fix}`);
      return [lines.join('\n\n')];
    });
    return sections.length === 0 ? undefined : new vscode.Hover(new vscode.MarkdownString(sections.join('\n\n---\n\n')));
  }
}
