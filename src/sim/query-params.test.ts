import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { booleanParam, dryRunParam } from './query-params.ts';

const query = (text: string): URLSearchParams => new URLSearchParams(text);

describe('query parameters as the API server reads them', () => {
  it('a boolean is false only when absent, 0 or false in any case', () => {
    for (const value of ['true', 'True', 'TRUE', '1', 't', '']) assert.equal(booleanParam(query(`watch=${value}`), 'watch'), true, value);
    for (const value of ['false', 'False', 'FALSE', '0']) assert.equal(booleanParam(query(`watch=${value}`), 'watch'), false, value);
    assert.equal(booleanParam(query('other=true'), 'watch'), false);
  });

  it('dryRun takes only All, and names the options kind otherwise', () => {
    assert.equal(dryRunParam(query(''), 'CreateOptions'), false);
    assert.equal(dryRunParam(query('dryRun=All'), 'CreateOptions'), true);
    assert.throws(() => dryRunParam(query('dryRun=All&dryRun=true'), 'PatchOptions'), (error: { code: number; message: string }) => {
      assert.equal(error.code, 422);
      assert.match(error.message, /^PatchOptions\.meta\.k8s\.io "" is invalid: dryRun: Unsupported value: \[\]string\{"All", "true"\}/);
      return true;
    });
  });
});
