import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayUrl, redactUrlCredentials } from './url-credentials.ts';

describe('redactUrlCredentials', () => {
  it('cuts the user name and password out of every URL in a text', () => {
    assert.equal(
      redactUrlCredentials('fetch of https://admin:s3cret@api.example.com:6443/api/v1/pods failed; proxy http://u@proxy:3128 refused'),
      'fetch of https://api.example.com:6443/api/v1/pods failed; proxy http://proxy:3128 refused',
    );
  });

  it('takes the last @ of the authority, as the URL parser does', () => {
    assert.equal(redactUrlCredentials('https://user:p@ss@host/path'), 'https://host/path');
  });

  it('leaves URLs without credentials and an @ in a path alone', () => {
    const text = 'https://host:6443/api/v1/namespaces/a/pods?fieldSelector=x mailto-ish a@b';
    assert.equal(redactUrlCredentials(text), text);
  });
});

describe('displayUrl', () => {
  it('shows a server URL without its credentials', () => {
    assert.equal(displayUrl('https://user:pass@10.0.0.1:6443'), 'https://10.0.0.1:6443');
    assert.equal(displayUrl('https://10.0.0.1:6443/prefix'), 'https://10.0.0.1:6443/prefix');
  });

  it('drops everything up to the last @ of a URL that does not parse', () => {
    assert.equal(displayUrl('https://user:pa/ss@[bad'), 'https://[bad');
    assert.equal(displayUrl('not a url'), 'not a url');
  });
});
