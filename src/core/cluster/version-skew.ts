// Is the API server's version one this client is made for? client-node 2.0 is generated from the
// Kubernetes 1.34 API; like kubectl's skew policy (one minor either way) we accept a window around
// it, a little wider on the older side because clusters lag their clients.

export interface KubeVersion {
  readonly major: number;
  readonly minor: number;
}

/** The API version client-node 2.0's models come from. */
export const CLIENT_API_VERSION: KubeVersion = { major: 1, minor: 34 };
const OLDER_MINORS = 3;
const NEWER_MINORS = 1;

/** "v1.32.4", "v1.29.3-eks-1234", "1.30+" → { major, minor }; undefined when unreadable. */
export function parseKubeVersion(gitVersion: string): KubeVersion | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(gitVersion.trim());
  return match === null ? undefined : { major: Number(match[1]), minor: Number(match[2]) };
}

/** A sentence for the user when the server is outside the supported window, else undefined. */
export function versionSkew(server: KubeVersion, client: KubeVersion = CLIENT_API_VERSION): string | undefined {
  const lowest = client.minor - OLDER_MINORS;
  const highest = client.minor + NEWER_MINORS;
  if (server.major === client.major && server.minor >= lowest && server.minor <= highest) return undefined;
  const range = `${client.major}.${lowest}–${client.major}.${highest}`;
  return `version skew: the server runs Kubernetes ${server.major}.${server.minor}; this client is built for ${client.major}.${client.minor} (supported ${range}), so some resources or fields may be missing`;
}
