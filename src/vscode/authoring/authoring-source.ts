// Everything completion and hover read besides the document: the versioned schema (loaded with
// dist/core.js on first use), the target version, the folder's objects and CRDs, the cluster's names and
// the schemas of its CRDs the workspace does not define.
import * as vscode from 'vscode';
import type { AuthoringInput, LintFile, VersionedSchemas } from '../../core/editor-core.ts';
import { loadCoreModule, loadSchemaDataModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { readConfig } from '../config.ts';
import { isKubernetesDocument } from '../diagnostics/kubernetes-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import { clusterAuthoring } from './cluster-authoring.ts';
import { ClusterCrdSchemas } from './cluster-crd-schemas.ts';

export class AuthoringSource {
  private schemas: Promise<VersionedSchemas> | undefined;
  private readonly clusters: ClusterServiceHolder;
  private readonly lint: LintController;
  private readonly clusterCrds: ClusterCrdSchemas;

  constructor(clusters: ClusterServiceHolder, lint: LintController) {
    this.clusters = clusters;
    this.lint = lint;
    this.clusterCrds = new ClusterCrdSchemas(clusters);
  }

  async input(document: vscode.TextDocument, position: vscode.Position): Promise<AuthoringInput> {
    const schemas = await (this.schemas ??= loadSchemaDataModule().loadVersionedSchemas());
    const cluster = clusterAuthoring(this.clusters);
    const setting = readConfig().kubernetesVersion.replace(/^v/, '');
    const values = this.folderValues(document);
    const { folderObjects } = loadCoreModule();
    const crds = values.filter((value) => (value as { kind?: unknown } | null)?.kind === 'CustomResourceDefinition');
    // The cluster's CRD for a custom kind of this document that no workspace CRD defines.
    const own = this.lint.parse(document).parsed.documents.map((parsed) => parsed.value);
    return {
      text: document.getText(),
      offset: document.offsetAt(position),
      schemas,
      version: setting !== '' ? setting : cluster.version,
      crds: [...crds, ...(await this.clusterCrds.schemas(own, crds))],
      folder: folderObjects(values),
      cluster: cluster.names,
      clusterKinds: cluster.kinds,
    };
  }

  /** The open Kubernetes YAML of the document's folder (the linter's file set), with the document itself. */
  folderDocuments(document: vscode.TextDocument): vscode.TextDocument[] {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return vscode.workspace.textDocuments.filter(
      (other) => other === document || (isKubernetesDocument(other) && folder !== undefined && vscode.workspace.getWorkspaceFolder(other.uri) === folder),
    );
  }

  /** The folder's files parsed once per version (the linter's cache). */
  folderFiles(document: vscode.TextDocument): LintFile[] {
    return this.folderDocuments(document).map((member) => this.lint.parse(member));
  }

  /** The values of every document of the folder's files. */
  private folderValues(document: vscode.TextDocument): unknown[] {
    return this.folderFiles(document).flatMap((file) => file.parsed.documents.map((parsed) => parsed.value));
  }
}
