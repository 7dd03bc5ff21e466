// A kustomization opened or saved in the editor is rendered with `kubectl kustomize` (when kubectl is on
// PATH) and its output linted with the rules that read the whole set (a Service's selector after
// commonLabels, names after namePrefix, duplicates across bases): what the objects' own files cannot
// show. The findings are traced back to the files the objects came from, or to the kustomization's line
// naming the patch or generator, with the CLI's tracing. A render that fails is one diagnostic on the
// kustomization. Each render can be cancelled: the next one of the same kustomization, closing it and
// dispose() abort it. Its own bundle, dist/kustomize-renders.js, loaded by lazy-kustomize-renders.ts.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { renderKustomization } from '../../cluster/kustomize-render.ts';
import type { Finding, LintFile } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { readConfig } from '../config.ts';
import type { Log } from '../output.ts';
import { DIAGNOSTIC_SOURCE, findingDiagnostic, type OffsetPositions } from './finding-diagnostic.ts';
import { isKustomizationDocument } from './kustomization-document.ts';
import { DiskTree } from './kustomize-disk-tree.ts';
import type { LintController } from './lint-controller.ts';
import type { RuleDocLinks } from './rule-doc-links.ts';

/** A render that takes longer is stopped: kubectl fetching a remote base over a slow network, say. */
const RENDER_TIMEOUT_MS = 30_000;
const KUSTOMIZE_SOURCE = `${DIAGNOSTIC_SOURCE} (kustomize)`;

interface Shown {
  /** Source-file URI → the diagnostics this kustomization's render put there. */
  readonly diagnostics: ReadonlyMap<string, vscode.Diagnostic[]>;
  /** Every file the render was built from: saving one renders again. */
  readonly sources: ReadonlySet<string>;
}

export class KustomizeRenders implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(KUSTOMIZE_SOURCE);
  private readonly running = new Map<string, AbortController>();
  private readonly shown = new Map<string, Shown>();
  private readonly lint: LintController;
  private readonly ruleLinks: RuleDocLinks;
  private readonly log: Log;
  private readonly kubectl: string;
  private missingLogged = false;
  private renders = 0;

  constructor(lint: LintController, ruleLinks: RuleDocLinks, log: Log, kubectl = 'kubectl') {
    this.lint = lint;
    this.ruleLinks = ruleLinks;
    this.log = log;
    this.kubectl = kubectl;
  }

  /** Renders a kustomization, or those built from a saved file; anything else is left alone. */
  saved(document: vscode.TextDocument): void {
    if (isKustomizationDocument(document)) {
      this.render(document);
      return;
    }
    const key = document.uri.toString();
    this.renderBuiltFrom((source) => source === key);
  }

  /**
   * A file or folder is gone (deleted or renamed, in the editor or not): the diagnostics renders put on
   * what it held go now rather than at the next render, and the open kustomizations built from it render
   * again, so kubectl says what is missing.
   */
  deleted(uri: vscode.Uri): void {
    const path = uri.toString();
    const gone = (file: string): boolean => file === path || file.startsWith(`${path}/`);
    for (const key of [...this.running.keys(), ...this.shown.keys()]) if (gone(key)) this.forget(vscode.Uri.parse(key));
    for (const [key, shown] of this.shown) {
      const kept = [...shown.diagnostics].filter(([file]) => !gone(file));
      if (kept.length < shown.diagnostics.size) this.show(key, { diagnostics: new Map(kept), sources: shown.sources });
    }
    this.renderBuiltFrom(gone);
  }

  /** Renders started (kubectl runs): what the Restricted Mode suite reads. */
  get started(): number {
    return this.renders;
  }

  render(document: vscode.TextDocument): void {
    if (!isKustomizationDocument(document)) return;
    // kubectl fetches remote bases and reads what the folder names: not for a folder the user does not trust.
    if (!vscode.workspace.isTrusted || readConfig().lintRun === 'off') {
      this.forget(document.uri);
      return;
    }
    const key = document.uri.toString();
    this.running.get(key)?.abort();
    const cancel = new AbortController();
    this.running.set(key, cancel);
    this.renders += 1;
    this.run(document, cancel.signal)
      .then((shown) => {
        if (shown !== undefined && !cancel.signal.aborted) this.show(key, shown);
      })
      .catch((error: unknown) => this.log.error(`kubectl kustomize of ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (this.running.get(key) === cancel) this.running.delete(key);
      });
  }

  /** Stops a kustomization's render and takes its diagnostics away (it closed or was deleted). */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.running.get(key)?.abort();
    this.running.delete(key);
    if (this.shown.has(key)) this.show(key, undefined);
  }

  dispose(): void {
    for (const cancel of this.running.values()) cancel.abort();
    this.running.clear();
    this.shown.clear();
    this.collection.dispose();
  }

  /** Renders again the open kustomizations built from a file that `changed` picks. */
  private renderBuiltFrom(changed: (source: string) => boolean): void {
    for (const [kustomization, shown] of this.shown) {
      const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === kustomization);
      if (open !== undefined && [...shown.sources].some(changed)) this.render(open);
    }
  }

  /** What to show for the kustomization; undefined when nothing changes (cancelled, no kubectl). */
  private async run(document: vscode.TextDocument, signal: AbortSignal): Promise<Shown | undefined> {
    const core = loadCoreModule();
    const kustomization = core.createLintFile(document.uri.toString(), document.getText());
    const [result, options] = await Promise.all([
      renderKustomization(dirname(document.uri.fsPath), { command: this.kubectl, timeoutMs: RENDER_TIMEOUT_MS, maxBytes: core.maxFileChars, signal }),
      this.lint.lintOptions(document),
    ]);
    if (!result.ok) return this.failed(kustomization, result.reason, result.missing, signal);
    const disk = new DiskTree(kustomization);
    const tree = await new core.KustomizeTrees(disk).node(kustomization);
    if (tree === undefined || signal.aborted) return undefined;
    const rendered = core.createLintFile(`${kustomization.path} (rendered)`, result.text);
    const traits = core.fileSetTraits([rendered]);
    const rules = core.allRules.filter((rule) => !core.isPerFileRule(rule, traits));
    const findings = core.traceRenderedFindings(core.lint([rendered], { ...options, rules }), [{ file: rendered, root: tree }]);
    const files = await disk.files();
    return { diagnostics: this.diagnostics(findings, files), sources: new Set(files.map((file) => file.path)) };
  }

  private failed(kustomization: LintFile, reason: string, missing: boolean, signal: AbortSignal): Shown | undefined {
    if (signal.aborted) return undefined;
    if (missing) {
      // Without kubectl there is no render to show: said once in the log, never as a problem.
      if (!this.missingLogged) this.log.info(`kustomizations are not rendered in the editor: ${reason}`);
      this.missingLogged = true;
      return undefined;
    }
    const place = positionsOf(kustomization);
    const range = loadCoreModule().kustomizationEntries(kustomization).fallback;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(place.positionAt(range.start), place.positionAt(range.end)), `kubectl kustomize could not render this kustomization: ${reason}`, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = KUSTOMIZE_SOURCE;
    return { diagnostics: new Map([[kustomization.path, [diagnostic]]]), sources: new Set([kustomization.path]) };
  }

  private diagnostics(findings: readonly Finding[], files: readonly LintFile[]): Map<string, vscode.Diagnostic[]> {
    const places = new Map(files.map((file) => [file.path, positionsOf(file)]));
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const finding of findings) {
      const place = places.get(finding.path);
      if (place === undefined) continue;
      const diagnostic = findingDiagnostic(finding, place, (path) => places.get(path), this.ruleLinks);
      diagnostic.source = KUSTOMIZE_SOURCE;
      const list = byPath.get(finding.path);
      if (list === undefined) byPath.set(finding.path, [diagnostic]);
      else list.push(diagnostic);
    }
    return byPath;
  }

  /** Replaces what the kustomization shows; a file two kustomizations render shows both's findings. */
  private show(key: string, shown: Shown | undefined): void {
    const touched = new Set([...(this.shown.get(key)?.diagnostics.keys() ?? []), ...(shown?.diagnostics.keys() ?? [])]);
    if (shown === undefined) this.shown.delete(key);
    else this.shown.set(key, shown);
    for (const path of touched) {
      const all = [...this.shown.values()].flatMap((other) => other.diagnostics.get(path) ?? []);
      this.collection.set(vscode.Uri.parse(path), all);
    }
  }
}

/** Offsets of a file's text as editor positions, whether or not it is open. */
function positionsOf(file: LintFile): OffsetPositions {
  return {
    uri: vscode.Uri.parse(file.path),
    positionAt: (offset) => {
      const { line, column } = file.lines().position(offset);
      return new vscode.Position(line, column);
    },
  };
}
