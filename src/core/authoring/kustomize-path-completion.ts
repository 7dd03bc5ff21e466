// Completion of the paths a kustomization names (resources, patch files, components, generator files,
// CRDs): the files and folders that exist, relative to the kustomization. Two steps because core reads no
// disk: the request says which folder the typed path is in, the editor lists it, and the completions
// come from that listing.
import { parseYaml } from '../yaml/parse.ts';
import type { Range } from '../yaml/types.ts';
import type { CompletionEntry } from './completion.ts';
import { cursorContext } from './cursor-context.ts';

/** What a field names: folders only (a component, a base), manifests (or folders holding them), any file. */
type Accepts = 'folders' | 'manifests' | 'files';

/** A list of paths, `key: [path, ...]` at the top level. */
const LISTS: Readonly<Record<string, Accepts>> = { resources: 'manifests', bases: 'folders', components: 'folders', patchesStrategicMerge: 'manifests', crds: 'manifests' };
/** A list of objects whose `path` names a file. */
const PATH_ITEMS: Readonly<Record<string, Accepts>> = { patches: 'manifests', patchesJson6902: 'manifests' };
/** A generator's file lists; a `files` item may be `key=path`. */
const GENERATORS = new Set(['configMapGenerator', 'secretGenerator']);
const GENERATOR_LISTS = new Set(['files', 'envs']);

const MANIFEST = /\.(?:ya?ml|json)$/i;
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/;

export interface KustomizePathRequest {
  /** The folder the typed path is in, relative to the kustomization's folder: '' or e.g. `../base/`. */
  readonly folder: string;
  readonly accepts: Accepts;
  /** The typed name after the folder, which the completion replaces. */
  readonly name: Range;
  /** The typed name starts with a dot: hidden entries are offered too. */
  readonly hidden: boolean;
  /** The whole value, from its first character to its end (inside its quotes, if any). */
  readonly value: Range;
  /** What the value holds before the path: a generator's `key=`, else ''. */
  readonly prefix: string;
  /** The quote the value is in; undefined for a plain value. */
  readonly quote: '"' | "'" | undefined;
  /** What the list's other items already name (`./` and a final `/` dropped): not offered again. */
  readonly listed: ReadonlySet<string>;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly folder: boolean;
}

function accepted(path: readonly (string | number)[], position: 'key' | 'value', key: string | undefined): Accepts | undefined {
  const [field, index, inner, innerIndex] = path;
  if (typeof field !== 'string' || index !== 0) return undefined;
  if (path.length === 2 && position === 'key') return LISTS[field];
  if (path.length === 2 && position === 'value' && key === 'path') return PATH_ITEMS[field];
  if (path.length === 4 && position === 'key' && GENERATORS.has(field) && typeof inner === 'string' && GENERATOR_LISTS.has(inner) && innerIndex === 0) return 'files';
  return undefined;
}

/** The typed value around `offset` on its line: after a quote, a dash, `key: `, `[` or `,`, up to where it ends. */
function valueAround(text: string, offset: number): Range & { readonly quote: '"' | "'" | undefined } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const quote = /(["'])[^"']*$/.exec(before);
  const opened = quote !== null && (before.split(quote[1]!).length - 1) % 2 === 1;
  const start = opened ? lineStart + quote.index + 1 : lineStart + before.search(/[^\s,[]*$/);
  const rest = text.slice(offset).split(/\r?\n/, 1)[0] ?? '';
  const length = opened ? rest.search(new RegExp(`${quote[1]!}|$`)) : rest.search(/[\s,\]]|$/);
  return { start, end: offset + length, quote: opened ? (quote[1] as '"' | "'") : undefined };
}

const normalised = (path: string): string => path.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');

/**
 * The paths the list at the cursor already names, without one occurrence of the value being typed.
 * Generators are left out: the cursor's path does not say which generator's list it is in.
 */
function listedPaths(text: string, field: string, typed: string): Set<string> {
  const root = parseYaml(text).documents[0]?.value;
  const list = typeof root === 'object' && root !== null ? (root as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(list)) return new Set();
  const values = list.map((item: unknown) => (PATH_ITEMS[field] === undefined ? item : typeof item === 'object' && item !== null ? (item as Record<string, unknown>).path : undefined));
  const paths = values.filter((value): value is string => typeof value === 'string').map(normalised);
  const current = paths.indexOf(normalised(typed));
  if (current >= 0) paths.splice(current, 1);
  return new Set(paths);
}

/** Which folder to list for the path typed at `offset` of a kustomization; undefined where no path is typed. */
export function kustomizePathRequest(text: string, offset: number): KustomizePathRequest | undefined {
  const context = cursorContext(text, offset);
  const accepts = accepted(context.path, context.position, context.key);
  if (accepts === undefined) return undefined;
  const value = valueAround(text, offset);
  let typed = text.slice(value.start, offset);
  let start = value.start;
  // A generator's `key=path`: the path starts after the key.
  const equals = accepts === 'files' ? typed.indexOf('=') : -1;
  if (equals >= 0) {
    typed = typed.slice(equals + 1);
    start += equals + 1;
  }
  // A remote base or an absolute path is not listed from the kustomization's folder.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|~|(?:github\.com|gitlab\.com|bitbucket\.org)\/)/i.test(typed)) return undefined;
  const slash = typed.lastIndexOf('/') + 1;
  const field = context.path[0] as string;
  const listed = accepts === 'files' ? new Set<string>() : listedPaths(text, field, text.slice(value.start, value.end));
  const prefix = text.slice(value.start, start);
  return { folder: typed.slice(0, slash), accepts, name: { start: start + slash, end: value.end }, hidden: typed[slash] === '.', value: { start: value.start, end: value.end }, prefix, quote: value.quote, listed };
}

// A plain YAML scalar cannot start with an indicator, hold `: `, ` #` or a flow character, or read as
// another type (`true`, `null`, a number): such a path is inserted double-quoted.
const NEEDS_QUOTES = /^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|[,[\]{}]|[:\s]$|^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?)$/i;

/** A name as it goes inside the value's quotes (escaped), or as it is in a plain value. */
function escaped(name: string, quote: KustomizePathRequest['quote']): string {
  if (quote === "'") return name.replaceAll("'", "''");
  if (quote === '"') return name.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  return name;
}

/** The entries of the listed folder a field can name: folders (ending in `/`, asking for their contents) first. */
export function kustomizePathCompletions(request: KustomizePathRequest, listing: readonly DirectoryEntry[]): CompletionEntry[] {
  const shown = listing.filter(({ name, folder }) => {
    if (name.startsWith('.') && !request.hidden) return false;
    if (request.listed.has(normalised(request.folder + name))) return false;
    if (folder) return true;
    // A kustomization is named by its folder, never by its file.
    if (KUSTOMIZATION.test(name)) return false;
    return request.accepts === 'files' || (request.accepts === 'manifests' && MANIFEST.test(name));
  });
  return shown.map(({ name, folder }) => {
    const label = folder ? `${name}/` : name;
    const path = request.prefix + request.folder + label;
    // A plain value that must become quoted is replaced whole (its folder too), filtered by the path.
    const whole = request.quote === undefined && NEEDS_QUOTES.test(request.folder + label);
    return {
      label,
      kind: folder ? 'folder' : 'file',
      detail: folder ? 'folder' : 'file',
      documentation: undefined,
      insertText: whole ? JSON.stringify(path) : escaped(label, request.quote),
      snippet: false,
      // Inside the closing quote a folder's contents could not be asked for.
      retrigger: folder && !whole,
      range: whole ? request.value : request.name,
      ...(whole ? { filterText: path } : {}),
      sortText: `${folder ? 0 : 1}${name}`,
    };
  });
}
