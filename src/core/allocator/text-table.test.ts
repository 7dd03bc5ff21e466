import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textTable } from './text-table.ts';

describe('textTable', () => {
  it('pads columns to the widest cell and leaves no trailing spaces', () => {
    assert.equal(textTable(['NAME', 'CPU'], [['web', '250m'], ['checkout-api', '1']]), 'NAME           CPU\nweb            250m\ncheckout-api   1\n');
  });

  it('prints just the header without rows', () => {
    assert.equal(textTable(['A', 'B'], []), 'A   B\n');
  });
});
