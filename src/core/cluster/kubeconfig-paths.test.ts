import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kubeconfigPaths, type KubeconfigEnvironment } from './kubeconfig-paths.ts';

const posix: KubeconfigEnvironment = {
  setting: '',
  kubeconfigVariable: undefined,
  homeDirectory: '/home/ada',
  delimiter: ':',
  separator: '/',
};

describe('kubeconfigPaths', () => {
  it('defaults to ~/.kube/config', () => {
    assert.deepEqual(kubeconfigPaths(posix), ['/home/ada/.kube/config']);
  });

  it('lists every KUBECONFIG entry in order, without empties or duplicates', () => {
    const paths = kubeconfigPaths({ ...posix, kubeconfigVariable: '/a/one::/b/two:/a/one' });
    assert.deepEqual(paths, ['/a/one', '/b/two']);
  });

  it('falls back to the default when KUBECONFIG holds only separators', () => {
    assert.deepEqual(kubeconfigPaths({ ...posix, kubeconfigVariable: ' : ' }), ['/home/ada/.kube/config']);
  });

  it('lets the setting win over KUBECONFIG and expands ~', () => {
    const paths = kubeconfigPaths({ ...posix, setting: '~/clusters/dev.yaml', kubeconfigVariable: '/a/one' });
    assert.deepEqual(paths, ['/home/ada/clusters/dev.yaml']);
  });

  it('uses the Windows delimiter and separator when told to', () => {
    const windows = { ...posix, homeDirectory: 'C:\\Users\\ada', delimiter: ';', separator: '\\' };
    assert.deepEqual(kubeconfigPaths({ ...windows, kubeconfigVariable: 'C:\\k\\a;C:\\k\\b' }), ['C:\\k\\a', 'C:\\k\\b']);
    assert.deepEqual(kubeconfigPaths(windows), ['C:\\Users\\ada\\.kube\\config']);
  });
});
