// For service tests: a client of one context of a kubeconfig file (the sim's), as the service builds it.
import { ApiClient } from './api-client.ts';
import { loadKubeconfig } from './kubeconfig-loader.ts';

export function kubeconfigClient(path: string, context = 'kube-workbench-sim'): ApiClient {
  const loaded = loadKubeconfig([path]);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return new ApiClient(context, loaded.value.forContext(context));
}
