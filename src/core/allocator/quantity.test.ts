import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityFromNumber,
  quantityText,
  subtractQuantities,
  toMilli,
  toNumber,
  type Quantity,
} from './quantity.ts';

function parse(text: string): Quantity {
  const result = parseQuantity(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.quantity;
}

describe('parseQuantity', () => {
  it('reads decimal, binary and exponent suffixes into exact nano-units', () => {
    const cases: [string, bigint][] = [
      ['1', 1_000_000_000n],
      ['250m', 250_000_000n],
      ['1.5', 1_500_000_000n],
      ['3n', 3n],
      ['7u', 7000n],
      ['2k', 2_000_000_000_000n],
      ['1Ki', 1024_000_000_000n],
      ['1.5Gi', 1_610_612_736_000_000_000n],
      ['1e3', 1000_000_000_000n],
      ['1E-3', 1_000_000n],
      ['1e+2', 100_000_000_000n],
      ['-2.5M', -2_500_000_000_000_000n],
      ['+4', 4_000_000_000n],
      ['1E', 10n ** 27n],
      ['.5', 500_000_000n],
      ['1.', 1_000_000_000n],
      ['007', 7_000_000_000n],
    ];
    for (const [text, nanos] of cases) assert.equal(parse(text).nanos, nanos, text);
  });

  it('rejects what apimachinery rejects', () => {
    for (const text of ['', '500mb', '1.5.0', '2 Gi', ' 1', '1ki', '1K', '1e', '1Mi2', '1-', 'abc', '1,5', '1e3.5']) {
      const result = parseQuantity(text);
      assert.equal(result.ok, false, `'${text}' should be rejected`);
      if (!result.ok) assert.ok(result.reason.length > 0);
    }
  });

  it('accepts the zero spellings apimachinery accepts (an empty number is 0)', () => {
    for (const text of ['0', '0Mi', '-0', '+', '.', '0e5', 'Gi']) assert.equal(parse(text).nanos, 0n, text);
  });

  it('rounds values finer than a nano-unit away from zero, as inf.RoundUp does', () => {
    assert.equal(parse('0.1n').nanos, 1n);
    assert.equal(parse('-0.1n').nanos, -1n);
    assert.equal(parse('1.0000000001').nanos, 1_000_000_001n);
  });

  it('keeps the format of the suffix, and binary below one unit as DecimalSI', () => {
    assert.equal(parse('1Mi').format, 'BinarySI');
    assert.equal(parse('1M').format, 'DecimalSI');
    assert.equal(parse('1e6').format, 'DecimalExponent');
    assert.equal(parse('0.0001Ki').format, 'DecimalSI');
  });

  it('caps binary quantities at the largest int64, as quantity.go does', () => {
    assert.equal(parse('100000Ei').nanos, (2n ** 63n - 1n) * 1_000_000_000n);
    assert.equal(formatQuantity(parse('100000Ei')), '9223372036854775807');
  });

  it('bounds absurd exponents', () => {
    assert.equal(parseQuantity('1e999999999').ok, false);
  });
});

describe('formatQuantity', () => {
  it('prints the canonical form Kubernetes prints', () => {
    const cases: [string, string][] = [
      ['1500m', '1500m'],
      ['1.5', '1500m'],
      ['1024Mi', '1Gi'],
      ['1536Mi', '1536Mi'],
      ['1.5Gi', '1536Mi'],
      ['0.5Gi', '512Mi'],
      ['1e3', '1e3'],
      ['1.2e3', '1200'],
      ['1E6', '1e6'],
      ['1000', '1k'],
      ['1000m', '1'],
      ['100m', '100m'],
      ['0.1', '100m'],
      ['12000', '12k'],
      ['1024', '1024'],
      ['1023Ki', '1023Ki'],
      ['512', '512'],
      ['0.1Ki', '102400m'],
      ['-1.5Gi', '-1536Mi'],
      ['+1', '1'],
      ['1.500', '1500m'],
      ['0Mi', '0'],
      ['1e-9', '1e-9'],
      ['2000E', '2000E'],
      ['10', '10'],
    ];
    for (const [text, canonical] of cases) assert.equal(formatQuantity(parse(text)), canonical, text);
  });

  it('round-trips: parsing the canonical text gives the same value and the same text', () => {
    const inputs = ['1', '250m', '1.5', '3n', '2k', '1Ki', '1.5Gi', '1e3', '1E-3', '-2.5M', '0.1Ki', '123456789n', '7Ei', '999999999999m'];
    for (const text of inputs) {
      const first = parse(text);
      const canonical = formatQuantity(first);
      const second = parse(canonical);
      assert.equal(second.nanos, first.nanos, text);
      assert.equal(formatQuantity(second), canonical, text);
    }
  });
});

describe('quantity arithmetic', () => {
  it('adds and subtracts exactly where floats drift', () => {
    const sum = [0.1, 0.2].map((value) => parse(String(value))).reduce(addQuantities);
    assert.equal(formatQuantity(sum), '300m');
    assert.equal(formatQuantity(subtractQuantities(parse('1Gi'), parse('512Mi'))), '512Mi');
  });

  it('keeps the first format unless it is zero', () => {
    assert.equal(addQuantities(parse('1Gi'), parse('1G')).format, 'BinarySI');
    assert.equal(addQuantities(parse('0'), parse('1Gi')).format, 'BinarySI');
  });

  it('compares', () => {
    assert.equal(compareQuantities(parse('1'), parse('1000m')), 0);
    assert.equal(compareQuantities(parse('999m'), parse('1')), -1);
    assert.equal(compareQuantities(parse('1Ki'), parse('1k')), 1);
  });

  it('converts to numbers and millis', () => {
    assert.equal(toNumber(parse('1.5Gi')), 1.5 * 2 ** 30);
    assert.equal(toNumber(parse('250m')), 0.25);
    assert.equal(toNumber(parse('-250m')), -0.25);
    assert.equal(toMilli(parse('1.5')), 1500n);
    assert.equal(toMilli(parse('1n')), 1n);
  });

  it('builds quantities from floats, rounded up to a step', () => {
    assert.equal(formatQuantity(quantityFromNumber(0.23, 'DecimalSI', 0.001)), '230m');
    assert.equal(formatQuantity(quantityFromNumber(0.2301, 'DecimalSI', 0.001)), '231m');
    assert.equal(formatQuantity(quantityFromNumber(345.2 * 2 ** 20, 'BinarySI', 2 ** 20)), '346Mi');
    assert.equal(formatQuantity(quantityFromNumber(2 ** 30, 'BinarySI', 2 ** 20)), '1Gi');
  });

  it('reads manifest values given as numbers or strings', () => {
    assert.equal(quantityText(0.5), '0.5');
    assert.equal(quantityText('2Gi'), '2Gi');
    assert.equal(quantityText(true), undefined);
  });
});
