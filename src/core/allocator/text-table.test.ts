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

describe('textTable on untrusted and big input', () => {
  it('escapes control characters in cells, so a name cannot drive the terminal', () => {
    assert.equal(textTable(['NAME'], [['web\x1b[2J\nfake']]), 'NAME\nweb\\x1B[2J\\x0Afake\n');
  });

  it('prints 200,000 rows without a spread over the call stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, index) => [`pod-${index}`, '1']);
    const text = textTable(['NAME', 'CPU'], rows);
    assert.equal(text.split('\n').length, 200_002);
    assert.match(text, /^pod-199999 {3}1$/m);
  });
});
