// The reference grammar of github.com/distribution/reference (reference.go, regexp.go), which the
// kubelet and container runtimes use to parse `image:`.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export type ImageReference =
  | { readonly ok: true; readonly repository: string; readonly tag: string | undefined; readonly digest: string | undefined }
  | { readonly ok: false; readonly reason: string };

export function parseImageReference(image: string): ImageReference {
  if (image === '') return { ok: false, reason: 'it is empty' };
  if (/\s/.test(image)) return { ok: false, reason: 'it contains whitespace' };
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  if (digest !== undefined && !digestPattern.test(digest)) return { ok: false, reason: `"${digest}" is not a valid digest (algorithm:hex)` };
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > lastSlash ? named.slice(colon + 1) : undefined;
  const repository = colon > lastSlash ? named.slice(0, colon) : named;
  if (tag !== undefined && !tagPattern.test(tag)) return { ok: false, reason: `"${tag}" is not a valid tag` };
  const parts = repository.split('/');
  const first = parts[0] ?? '';
  // The first component is a registry host when it looks like one (reference.go splitDomain).
  const hasDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  if (hasDomain && !domain.test(first)) return { ok: false, reason: `"${first}" is not a valid registry host` };
  const path = hasDomain ? parts.slice(1) : parts;
  const bad = path.find((part) => !pathComponent.test(part));
  if (bad !== undefined) {
    const reason = bad !== bad.toLowerCase() ? 'the repository name must be lowercase' : `"${bad}" is not a valid repository path component`;
    return { ok: false, reason };
  }
  return { ok: true, repository, tag, digest };
}
