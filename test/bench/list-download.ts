// The limit of any client of a paged list: the same pages the reflectors ask for (same paths, `limit`,
// Accept header, CA and token from the kubeconfig, kept-alive TLS connections) downloaded with plain
// node:https and each JSON.parsed and dropped, nothing trimmed or stored. Nodes and Leases are listed
// together and pods after them, as the cluster connection starts them.
import { Agent, get, type RequestOptions } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

function page(url: URL, options: RequestOptions): Promise<{ items?: unknown[]; metadata?: { continue?: string } }> {
  return new Promise((resolve, reject) => {
    get(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url.pathname}: ${response.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items?: unknown[]; metadata?: { continue?: string } });
      });
    }).on('error', reject);
  });
}

/** Seconds to download and parse every page of `first` (listed in parallel), then of `then`; the items of `then` are counted. */
export async function downloadSeconds(kubeconfigPath: string, first: readonly string[], then: string, pageSize: number): Promise<{ seconds: number; items: number }> {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfigPath);
  const tls: RequestOptions = {};
  await config.applyToHTTPSOptions(tls);
  const agent = new Agent({ ca: tls.ca, cert: tls.cert, key: tls.key, keepAlive: true });
  const options: RequestOptions = { agent, headers: { ...tls.headers, Accept: 'application/json' } };
  const server = config.getCurrentCluster()?.server ?? '';
  const listAll = async (path: string): Promise<number> => {
    let items = 0;
    let token: string | undefined;
    do {
      const url = new URL(server + path);
      url.searchParams.set('limit', String(pageSize));
      if (token !== undefined) url.searchParams.set('continue', token);
      const body = await page(url, options);
      items += body.items?.length ?? 0;
      token = body.metadata?.continue || undefined;
    } while (token !== undefined);
    return items;
  };
  try {
    const started = performance.now();
    await Promise.all(first.map(listAll));
    const items = await listAll(then);
    return { seconds: (performance.now() - started) / 1000, items };
  } finally {
    agent.destroy();
  }
}
