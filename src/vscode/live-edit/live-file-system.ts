// Live objects as files: kubernetes:/<context>/<namespace or _>/<kind>/<name>.yaml. Each open
// document keeps the object as it was read (the base of its save's merge) and how it is shown (a
// Secret decoded or not; read-only when the user may not update it). Reading serves the cleaned YAML;
// writing is the save (save-flow.ts), after which the document reloads the object the server stored.
// A document VS Code reopens on its own (a restored editor) is read afresh, a Secret encoded.
import * as vscode from 'vscode';
import { loadCoreModule } from '../bundle-loader.ts';

export interface LiveEntry {
  /** The object as read or last saved: the base of my edit. */
  opened: Record<string, unknown>;
  /** A Secret shown with its text values decoded under stringData (after the user confirmed). */
  readonly decoded: boolean;
  /** The reason the user may not update it (naming the verb); undefined when they may. */
  readonly readOnly: string | undefined;
  mtime: number;
}

export interface LiveStorage {
  /** Reads an object for a document VS Code opens without the Edit command. */
  load(uri: vscode.Uri): Promise<LiveEntry>;
  /** Saves the text; resolves with the object the server stored, rejects (the document stays dirty) when it was not saved. */
  save(uri: vscode.Uri, entry: LiveEntry, text: string): Promise<Record<string, unknown>>;
}

const refused = (uri: vscode.Uri): vscode.FileSystemError => vscode.FileSystemError.NoPermissions(uri);

export class LiveFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, LiveEntry>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly storage: LiveStorage;
  private readonly closing: vscode.Disposable;
  /** Documents saved, to be reloaded once VS Code has recorded the save (a change before would be taken as the save's own). */
  private readonly reloads = new Set<string>();
  private clock = 0;

  constructor(storage: LiveStorage) {
    this.storage = storage;
    this.closing = vscode.Disposable.from(
      // A decoded Secret is forgotten with its document.
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
      // The document then shows what the server stored (its defaults, others' changes merged in).
      vscode.workspace.onDidSaveTextDocument((document) => {
        const entry = this.entries.get(document.uri.toString());
        if (!this.reloads.delete(document.uri.toString()) || entry === undefined) return;
        entry.mtime = this.tick();
        this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: document.uri }]);
      }),
    );
  }

  /** Shows `object` at `uri`: a new document, or an open one reloaded. */
  open(uri: vscode.Uri, entry: Omit<LiveEntry, 'mtime'>): void {
    this.entries.set(uri.toString(), { ...entry, mtime: this.tick() });
    // Only an open document needs telling: a reload of one still opening races with the user's first save.
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  entry(uri: vscode.Uri): LiveEntry | undefined {
    return this.entries.get(uri.toString());
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const entry = await this.loaded(uri);
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: entry.mtime,
      size: new TextEncoder().encode(this.text(entry)).length,
      ...(entry.readOnly === undefined ? {} : { permissions: vscode.FilePermission.Readonly }),
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return new TextEncoder().encode(this.text(await this.loaded(uri)));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const entry = await this.loaded(uri);
    entry.opened = await this.storage.save(uri, entry, new TextDecoder().decode(content));
    entry.mtime = this.tick();
    this.reloads.add(uri.toString());
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw refused(uri);
  }

  delete(uri: vscode.Uri): void {
    throw refused(uri);
  }

  rename(uri: vscode.Uri): void {
    throw refused(uri);
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
    this.entries.clear();
  }

  private text(entry: LiveEntry): string {
    return loadCoreModule().editText(entry.opened, entry.decoded);
  }

  private async loaded(uri: vscode.Uri): Promise<LiveEntry> {
    const known = this.entries.get(uri.toString());
    if (known !== undefined) return known;
    const entry = await this.storage.load(uri);
    this.entries.set(uri.toString(), entry);
    return entry;
  }

  /** Modification times that only grow, so VS Code never takes a reload for an older file. */
  private tick(): number {
    this.clock = Math.max(this.clock + 1, Date.now());
    return this.clock;
  }
}
