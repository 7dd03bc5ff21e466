/**
 * A simulated container's filesystem: an in-memory tree of folders and files, kept for the
 * container's life so that `kubectl cp` into it and `cat` from it agree. Bounded: a container holds
 * at most `capacityBytes` of file data, past which writes fail as a full disk does.
 */
export interface FsFile {
  readonly type: 'file';
  data: Uint8Array;
  mode: number;
  mtime: number;
}

export interface FsFolder {
  readonly type: 'directory';
  readonly children: Map<string, FsNode>;
  mode: number;
  mtime: number;
}

export type FsNode = FsFile | FsFolder;

/** Errors as the shell prints them (strerror). */
export class FsError extends Error {}

export const noSuchFile = 'No such file or directory';

/** The absolute, normalised form of `path` seen from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const steps: string[] = [];
  for (const step of `${path.startsWith('/') ? '' : cwd}/${path}`.split('/')) {
    if (step === '..') steps.pop();
    else if (step !== '' && step !== '.') steps.push(step);
  }
  return `/${steps.join('/')}`;
}

const stepsOf = (path: string): string[] => path.split('/').filter((step) => step !== '');

export class ContainerFs {
  private readonly root: FsFolder;
  private used = 0;
  private readonly capacityBytes: number;
  private readonly now: () => number;

  constructor(capacityBytes: number, now: () => number) {
    this.capacityBytes = capacityBytes;
    this.now = now;
    this.root = { type: 'directory', children: new Map(), mode: 0o755, mtime: now() };
  }

  /** The node at an absolute path, or undefined. */
  find(path: string): FsNode | undefined {
    let node: FsNode = this.root;
    for (const step of stepsOf(path)) {
      if (node.type !== 'directory') return undefined;
      const child = node.children.get(step);
      if (child === undefined) return undefined;
      node = child;
    }
    return node;
  }

  folder(path: string): FsFolder {
    const node = this.find(path);
    if (node === undefined) throw new FsError(noSuchFile);
    if (node.type !== 'directory') throw new FsError('Not a directory');
    return node;
  }

  readFile(path: string): Uint8Array {
    const node = this.find(path);
    if (node === undefined) throw new FsError(noSuchFile);
    if (node.type === 'directory') throw new FsError('Is a directory');
    return node.data;
  }

  /** Creates the folder and its missing parents (mkdir -p). */
  makeFolder(path: string, mode = 0o755): FsFolder {
    let node: FsFolder = this.root;
    for (const step of stepsOf(path)) {
      const child = node.children.get(step);
      if (child !== undefined && child.type !== 'directory') throw new FsError('Not a directory');
      if (child === undefined) {
        const created: FsFolder = { type: 'directory', children: new Map(), mode, mtime: this.now() };
        node.children.set(step, created);
        node = created;
      } else {
        node = child;
      }
    }
    return node;
  }

  /** Writes (or appends to) a file whose folder exists. */
  writeFile(path: string, data: Uint8Array, options: { append?: boolean; mode?: number; mtime?: number } = {}): void {
    const steps = stepsOf(path);
    const name = steps.pop();
    if (name === undefined) throw new FsError('Is a directory');
    const parent = this.folder(`/${steps.join('/')}`);
    const current = parent.children.get(name);
    if (current?.type === 'directory') throw new FsError('Is a directory');
    const content = options.append === true && current !== undefined ? concat(current.data, data) : data;
    const growth = content.length - (current?.data.length ?? 0);
    if (this.used + growth > this.capacityBytes) throw new FsError('No space left on device');
    this.used += growth;
    parent.children.set(name, { type: 'file', data: content, mode: options.mode ?? current?.mode ?? 0o644, mtime: options.mtime ?? this.now() });
  }

  remove(path: string): void {
    const steps = stepsOf(path);
    const name = steps.pop();
    const parent = this.folder(`/${steps.join('/')}`);
    const node = name === undefined ? undefined : parent.children.get(name);
    if (node === undefined || name === undefined) throw new FsError(noSuchFile);
    this.used -= sizeOf(node);
    parent.children.delete(name);
  }
}

function sizeOf(node: FsNode): number {
  if (node.type === 'file') return node.data.length;
  let total = 0;
  for (const child of node.children.values()) total += sizeOf(child);
  return total;
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array {
  const joined = new Uint8Array(left.length + right.length);
  joined.set(left);
  joined.set(right, left.length);
  return joined;
}
