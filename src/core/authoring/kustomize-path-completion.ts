// Completion of the paths a kustomization names (resources, patch files, components, generator files,
// CRDs): the files and folders that exist, relative to the kustomization. Two steps because core reads no
// disk: the request says which folder the typed path is in, the editor lists it, and the completions
// come from that listing.
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
function valueAround(text: string, offset: number): Range {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const quote = /(["'])[^"']*$/.exec(before);
  const opened = quote !== null && (before.split(quote[1]!).length - 1) % 2 === 1;
  const start = opened ? lineStart + quote.index + 1 : lineStart + before.search(/[^\s,[]*$/);
  const rest = text.slice(offset).split(/\r?\n/, 1)[0] ?? '';
  const length = opened ? rest.search(new RegExp(`${quote[1]!}|$`)) : rest.search(/[\s,\]]|$/);
  return { start, end: offset + length };
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
  return { folder: typed.slice(0, slash), accepts, name: { start: start + slash, end: value.end }, hidden: typed[slash] === '.' };
}

/** The entries of the listed folder a field can name: folders (ending in `/`, asking for their contents) first. */
export function kustomizePathCompletions(request: KustomizePathRequest, listing: readonly DirectoryEntry[]): CompletionEntry[] {
  const shown = listing.filter(({ name, folder }) => {
    if (name.startsWith('.') && !request.hidden) return false;
    if (folder) return true;
    // A kustomization is named by its folder, never by its file.
    if (KUSTOMIZATION.test(name)) return false;
    return request.accepts === 'files' || (request.accepts === 'manifests' && MANIFEST.test(name));
  });
  return shown.map(({ name, folder }) => {
    const label = folder ? `${name}/` : name;
    return { label, kind: folder ? 'folder' : 'file', detail: folder ? 'folder' : 'file', documentation: undefined, insertText: label, snippet: false, retrigger: folder, range: request.name, sortText: `${folder ? 0 : 1}${name}` };
  });
}
