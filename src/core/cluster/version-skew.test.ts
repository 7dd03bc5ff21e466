import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKubeVersion, versionSkew } from './version-skew.ts';

describe('version skew', () => {
  it('reads git versions as servers report them', () => {
    assert.deepEqual(parseKubeVersion('v1.32.4'), { major: 1, minor: 32 });
    assert.deepEqual(parseKubeVersion('v1.29.3-eks-1234'), { major: 1, minor: 29 });
    assert.equal(parseKubeVersion('unknown'), undefined);
  });

  it('accepts three minors older and one newer than the client', () => {
    assert.equal(versionSkew({ major: 1, minor: 31 }, { major: 1, minor: 34 }), undefined);
    assert.equal(versionSkew({ major: 1, minor: 35 }, { major: 1, minor: 34 }), undefined);
  });

  it('names the server version and the supported window outside it', () => {
    assert.match(versionSkew({ major: 1, minor: 27 }, { major: 1, minor: 34 }) ?? '', /server runs Kubernetes 1\.27; .* built for 1\.34 \(supported 1\.31–1\.35\)/);
    assert.ok(versionSkew({ major: 1, minor: 36 }, { major: 1, minor: 34 }) !== undefined);
    assert.ok(versionSkew({ major: 2, minor: 34 }, { major: 1, minor: 34 }) !== undefined);
  });
});
