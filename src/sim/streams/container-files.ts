/**
 * What a simulated container's filesystem holds when it starts: an image-like tree (the shells and
 * tools of the built-in shell under /bin, /etc/hostname, /tmp) and the pod's mounted ConfigMaps,
 * Secrets and emptyDirs at their mountPaths. Which shells exist follows the image's name:
 * distroless images have none, alpine and busybox only `sh`, others `sh` and `bash`.
 */
import { isObject, type Container, type Pod } from '../objects.ts';
import { ContainerFs, resolvePath } from './container-fs.ts';
import type { SourceLookup } from './pod-env.ts';

/** Per container: enough for `kubectl cp` of a project folder, small enough for thousands of pods. */
export const containerCapacityBytes = 64 * 1024 * 1024;

export function imageShells(image: string): string[] {
  if (/distroless|scratch/.test(image)) return [];
  return /alpine|busybox/.test(image) ? ['sh'] : ['sh', 'bash'];
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function mountVolume(fs: ContainerFs, pod: Pod, volume: Record<string, unknown>, mountPath: string, lookup: SourceLookup): void {
  fs.makeFolder(mountPath);
  const namespace = pod.metadata.namespace ?? 'default';
  for (const [kind, nameField] of [['configMap', 'name'], ['secret', 'secretName']] as const) {
    const source = volume[kind];
    if (!isObject(source)) continue;
    const data = lookup(kind, namespace, String(source[nameField] ?? '')) ?? new Map<string, string>();
    const items = Array.isArray(source['items']) ? source['items'].filter(isObject) : undefined;
    const mode = typeof source['defaultMode'] === 'number' ? source['defaultMode'] : 0o644;
    const files = items === undefined ? [...data.keys()].map((key) => [key, key] as const) : items.map((item) => [String(item['key']), String(item['path'])] as const);
    for (const [key, path] of files) {
      const value = data.get(key);
      if (value === undefined) continue;
      const target = resolvePath(mountPath, path);
      fs.makeFolder(resolvePath(target, '..'));
      fs.writeFile(target, utf8(value), { mode });
    }
  }
}

/** The container's filesystem at start; `tools` are the commands the image ships (the built-in shell's). */
export function initialFiles(pod: Pod, container: Container & { volumeMounts?: unknown }, tools: readonly string[], lookup: SourceLookup, now: () => number): ContainerFs {
  const fs = new ContainerFs(containerCapacityBytes, now);
  for (const folder of ['/bin', '/etc', '/root', '/tmp', '/var/log', '/usr/bin']) fs.makeFolder(folder);
  fs.writeFile('/etc/hostname', utf8(`${pod.metadata.name ?? ''}\n`));
  const shells = imageShells(container.image ?? '');
  for (const tool of shells.length === 0 ? [] : [...shells, ...tools]) fs.writeFile(`/bin/${tool}`, utf8('simulated by kube-workbench sim\n'), { mode: 0o755 });
  const volumes = new Map((Array.isArray(pod.spec['volumes']) ? pod.spec['volumes'] : []).filter(isObject).map((volume) => [String(volume['name']), volume]));
  for (const mount of Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isObject) : []) {
    const volume = volumes.get(String(mount['name']));
    if (volume !== undefined && typeof mount['mountPath'] === 'string') mountVolume(fs, pod, volume, resolvePath('/', mount['mountPath']), lookup);
  }
  return fs;
}
