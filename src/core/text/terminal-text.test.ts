import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalField, terminalLines } from './terminal-text.ts';

describe('terminal text', () => {
  it('shows ESC, other C0 and C1 controls, DEL and bidi overrides as visible escapes', () => {
    assert.equal(terminalField('web\x1b]0;pwned\x07\x9b2J\x7f\u202eevil'), 'web\\x1B]0;pwned\\x07\\x9B2J\\x7F\\u202Eevil');
  });

  it('escapes line breaks and tabs in a field, keeps them in whole lines', () => {
    assert.equal(terminalField('a\nb\tc\rd'), 'a\\x0Ab\\x09c\\x0Dd');
    assert.equal(terminalLines('a\nb\tc\rd\x1b[2K\n'), 'a\nb\tc\\x0Dd\\x1B[2K\n');
  });

  it('leaves printable text, accents and emoji alone', () => {
    const text = 'déploiement ✓ 🚀 naïve';
    assert.equal(terminalField(text), text);
  });
});
