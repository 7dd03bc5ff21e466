// Lints Kubernetes YAML in the editor: a document and the other open Kubernetes YAML of its workspace
// folder form the file set (so cross-object rules see Services and the Deployments they select), each
// parsed once per version. Findings are kept per document for the quick fixes and hovers.
import * as vscode from 'vscode';
import type { ClusterFacts, Finding, LintFile, LintOptions, SchemaSnapshot } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { readConfig } from '../config.ts';
import type { Log } from '../output.ts';
import { DIAGNOSTIC_SOURCE, findingDiagnostic } from './finding-diagnostic.ts';
import { isKubernetesDocument } from './kubernetes-documents.ts';
import { resolveLintConfig } from './lint-config.ts';
import { NearbyKustomizations } from './nearby-kustomizations.ts';
import { RuleDocLinks } from './rule-doc-links.ts';

export class LintController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly findings = new Map<string, readonly Finding[]>();
  private readonly parsed = new Map<string, { version: number; file: LintFile }>();
  private readonly reported = new Set<string>();
  private schema: Promise<SchemaSnapshot> | undefined;
  private readonly ruleLinks: RuleDocLinks;
  private readonly kustomizations = new NearbyKustomizations();
  private readonly log: Log;
  private readonly clusterFacts: () => ClusterFacts | undefined;
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were replaced (emptied, for YAML that is not Kubernetes). */
  readonly onDidLint = this.linted.event;

  constructor(rulesDoc: vscode.Uri, log: Log, clusterFacts: () => ClusterFacts | undefined) {
    this.ruleLinks = new RuleDocLinks(rulesDoc);
    this.log = log;
    this.clusterFacts = clusterFacts;
  }

  findingsFor(document: vscode.TextDocument): readonly Finding[] {
    return this.findings.get(document.uri.toString()) ?? [];
  }

  /** Lints `document` with the other open Kubernetes YAML of its folder. */
  async lintDocument(document: vscode.TextDocument): Promise<void> {
    if (!isKubernetesDocument(document)) {
      this.clear(document.uri);
      this.linted.fire(document.uri);
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const set = vscode.workspace.textDocuments.filter(
      (other) => other === document || (isKubernetesDocument(other) && folder !== undefined && vscode.workspace.getWorkspaceFolder(other.uri) === folder),
    );
    const [options, kustomizations] = await Promise.all([this.lintOptions(document), this.kustomizations.around(set)]);
    const files = set.map((member) => this.parse(member));
    for (const file of files) {
      if (file.parsed.skipped !== undefined) this.reportOnce(`Kubernetes Workbench did not lint ${vscode.Uri.parse(file.path).fsPath}: ${file.parsed.skipped}`, true);
    }
    // The kustomizations beside the set only say which files are patches: their own findings are not shown.
    const findings = loadCoreModule().lint([...files, ...kustomizations], options);
    const byDocument = new Map<string, Finding[]>(set.map((member) => [member.uri.toString(), []]));
    for (const finding of findings) byDocument.get(finding.path)?.push(finding);
    const documentFor = (path: string): vscode.TextDocument | undefined => set.find((member) => member.uri.toString() === path);
    for (const member of set) {
      const key = member.uri.toString();
      const own = byDocument.get(key) ?? [];
      this.findings.set(key, own);
      this.collection.set(member.uri, own.map((finding) => findingDiagnostic(finding, member, documentFor, this.ruleLinks)));
      this.linted.fire(member.uri);
    }
  }

  /** What a lint of `document`'s folder runs with: its config (problems with it logged once), the schema, the target version, the cluster's facts. */
  async lintOptions(document: vscode.TextDocument): Promise<LintOptions> {
    const [{ config, errors }, schema] = await Promise.all([resolveLintConfig(document), (this.schema ??= loadCoreModule().loadBundledSchema())]);
    for (const error of errors) this.reportOnce(error);
    const version = readConfig().kubernetesVersion.replace(/^v/, '');
    const cluster = this.clusterFacts();
    return { config, schema, ...(cluster === undefined ? {} : { cluster }), ...(version === '' ? {} : { kubernetesVersion: version }) };
  }

  /** Forgets a document that closed or was deleted. */
  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.findings.delete(uri.toString());
    this.parsed.delete(uri.toString());
  }

  dispose(): void {
    this.kustomizations.dispose();
    this.collection.dispose();
    this.linted.dispose();
  }

  /** The document parsed once per version, shared with the hovers. */
  parse(document: vscode.TextDocument): LintFile {
    const key = document.uri.toString();
    const cached = this.parsed.get(key);
    if (cached?.version === document.version) return cached.file;
    const file = loadCoreModule().createLintFile(key, document.getText());
    this.parsed.set(key, { version: document.version, file });
    return file;
  }

  /** Logs a problem once; `notify` also tells the user (a file they opened was not linted). */
  private reportOnce(message: string, notify = false): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log.warn(message);
    if (notify) void vscode.window.showWarningMessage(message);
  }
}
