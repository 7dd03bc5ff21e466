// Where a finding's rule id links to: the rule's section of docs/rules.md. VS Code opens a file link
// at the line its `#L<line>` fragment names; a Markdown anchor fragment would open the file at line 1.
import { readFileSync } from 'node:fs';
import type * as vscode from 'vscode';

/** `### rule-id` headings of the rules page → their 1-based line. */
export function ruleHeadingLines(markdown: string): Map<string, number> {
  const lines = new Map<string, number>();
  markdown.split('\n').forEach((line, index) => {
    const heading = /^### ([a-z0-9-]+)\s*$/.exec(line);
    if (heading) lines.set(heading[1]!, index + 1);
  });
  return lines;
}

export class RuleDocLinks {
  private readonly doc: vscode.Uri;
  private lines: Map<string, number> | undefined;

  constructor(doc: vscode.Uri) {
    this.doc = doc;
  }

  /** The rules page at the rule's section (read once, on the first finding), else at its top. */
  target(ruleId: string): vscode.Uri {
    if (this.lines === undefined) {
      try {
        this.lines = ruleHeadingLines(readFileSync(this.doc.fsPath, 'utf8'));
      } catch {
        // A build without docs/rules.md still links to where it would be.
        this.lines = new Map();
      }
    }
    const line = this.lines.get(ruleId);
    return line === undefined ? this.doc : this.doc.with({ fragment: `L${line}` });
  }
}
