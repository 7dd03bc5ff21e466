// Go to Definition, Find All References and a workload's CodeLens ("selected by 2 Services · scaled by
// 1 HPA") over the folder's open manifests, the same file set the linter uses. The core's Navigation
// is built once per set of document versions and shared by the three providers.
import * as vscode from 'vscode';
import type { Navigation, Place } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { isKubernetesDocument } from '../diagnostics/kubernetes-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';
import type { AuthoringSource } from './authoring-source.ts';

interface FileSet {
  readonly key: string;
  readonly navigation: Navigation;
  readonly documents: ReadonlyMap<string, vscode.TextDocument>;
}

export class KubeNavigation implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly source: AuthoringSource;
  private last: FileSet | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Another file of the set changing changes a workload's counts: lenses are asked again after each lint. */
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(source: AuthoringSource, lint: LintController) {
    this.source = source;
    this.subscription = lint.onDidLint(() => this.changed.fire());
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const set = this.fileSet(document);
    return set === undefined ? undefined : this.locations(set, set.navigation.definitions(document.uri.toString(), document.offsetAt(position)));
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const set = this.fileSet(document);
    return set === undefined ? undefined : this.locations(set, set.navigation.references(document.uri.toString(), document.offsetAt(position), context.includeDeclaration));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] | undefined {
    const set = this.fileSet(document);
    if (set === undefined) return undefined;
    return set.navigation.lenses(document.uri.toString()).map((lens) => {
      const range = new vscode.Range(document.positionAt(lens.range.start), document.positionAt(lens.range.end));
      return new vscode.CodeLens(range, { title: lens.title, command: 'editor.action.showReferences', arguments: [document.uri, range.start, this.locations(set, lens.places)] });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private fileSet(document: vscode.TextDocument): FileSet | undefined {
    if (!isKubernetesDocument(document)) return undefined;
    const members = this.source.folderDocuments(document);
    const key = members.map((member) => `${member.uri.toString()}@${member.version}`).join('\n');
    if (this.last?.key !== key) {
      const navigation = new (loadCoreModule().Navigation)(this.source.folderFiles(document));
      this.last = { key, navigation, documents: new Map(members.map((member) => [member.uri.toString(), member])) };
    }
    return this.last;
  }

  private locations(set: FileSet, places: readonly Place[]): vscode.Location[] {
    return places.flatMap((place) => {
      const target = set.documents.get(place.path);
      return target === undefined ? [] : [new vscode.Location(target.uri, new vscode.Range(target.positionAt(place.range.start), target.positionAt(place.range.end)))];
    });
  }
}
