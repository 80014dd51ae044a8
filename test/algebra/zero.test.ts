import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Expr, add, frac, int, mul, neg, pow, sym, call } from '../../src/ast/expr.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { bigValue } from '../../src/eval/n-big.js';
import { canonicalRadical } from '../../src/simplify/radicals.js';
import { zeroTest } from '../../src/simplify/zero.js';
import { Assumptions, simplify } from '../../src/simplify/index.js';
import { Session } from '../../src/lang/index.js';

const run = (line: string): string => {
  const s = new Session();
  const out = s.run(line);
  return out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
};

describe('radical constants have one canonical form', () => {
  it.each([
    ['sqrt(2) sqrt(3)', 'sqrt(6)'],
    ['48 sqrt(2) sqrt(3) - 48 sqrt(6)', '0'],
    ['sqrt(8)', '2 sqrt(2)'],
    ['sqrt(12) - 2 sqrt(3)', '0'],
    ['sqrt(997) - (997^3)^(1/6)', '0'],
    ['2^(1/3)*4^(1/3)', '2'],
    ['1/(sqrt(2) + sqrt(3))', 'sqrt(3) - sqrt(2)'],
    ['sqrt(3 + 2 sqrt(2))', 'sqrt(2) + 1'],
    ['sqrt(5 - 2 sqrt(6))', 'sqrt(3) - sqrt(2)'],
    ['sqrt(-4)', '2i'],
    ['(1 + i)^4', '-4'],
    ['(sqrt(2) + 1)^3', '5 sqrt(2) + 7'],
  ])('%s = %s', (input, want) => {
    expect(text(canonicalRadical(parse(input))!)).toBe(want);
  });

  it('is undefined outside the radical constants', () => {
    expect(canonicalRadical(parse('sqrt(2) + pi'))).toBeUndefined();
    expect(canonicalRadical(parse('x sqrt(2)'))).toBeUndefined();
  });

  // The canonical form keeps the value, for random sums of products of small radicals.
  const radical = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom(2, 3))
    .map(([c, n, k]) => mul(int(c), pow(int(n), frac(1, k))));
  const radicalExpr = fc.array(fc.array(radical, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
    .map((terms) => add(...terms.map((fs) => mul(...fs))));
  it('keeps the value (40 digits) of random sums of products of radicals', () => {
    fc.assert(fc.property(radicalExpr, (e) => {
      const c = canonicalRadical(e);
      expect(c).toBeDefined();
      const d = add(e, neg(c!));
      // e − canonical(e) is zero to 256 bits relative to e.
      const v = bigValue(d, 320, new Map());
      const scale = bigValue(e, 64, new Map());
      expect(v.isZero() || v.expo() < (scale.isZero() ? 0 : scale.expo()) - 256).toBe(true);
    }), { numRuns: 200 });
  });

  it('decides zero exactly: a combination is zero iff its canonical form is 0', () => {
    fc.assert(fc.property(radicalExpr, (e) => {
      const z = zeroTest(add(e, neg(e)));
      expect(z.verdict).toBe('zero');
      const shifted = zeroTest(add(e, neg(canonicalRadical(e)!), pow(int(2), frac(1, 2)), neg(pow(int(2), frac(1, 2)))));
      expect(shifted.verdict).toBe('zero');
    }), { numRuns: 100 });
  });
});

describe('zero test', () => {
  it.each([
    ['48 sqrt(2) sqrt(3) - 48 sqrt(6)', 'zero', 'exact'],
    ['sqrt(2) + sqrt(3) - sqrt(10)', 'nonzero', 'exact'],
    ['(x + y)^2 - x^2 - 2 x y - y^2', 'zero', 'exact'],
    ['sin(x)^2 + cos(x)^2 - 1', 'zero', 'numeric'],
    ['tanh(x) - (exp(x) - exp(-x))/(exp(x) + exp(-x))', 'zero', 'numeric'],
    ['atan(1) - pi/4', 'zero', 'numeric'],
    ['gamma(1/2)^2 - pi', 'zero', 'numeric'],
    ['x - y', 'nonzero', 'numeric'],
    ['sqrt(x^2) - x', 'nonzero', 'numeric'],
    ['pi - 355/113', 'nonzero', 'numeric'],
  ])('%s is %s (%s)', (input, verdict, how) => {
    const z = zeroTest(parse(input));
    expect(z.verdict).toBe(verdict);
    expect(z.how).toBe(how);
  });

  it('is not fooled by scale: tiny nonzero terms stay nonzero', () => {
    for (const k of [20, 60, 150, 300]) {
      expect(zeroTest(parse(`sin(x)^2 + cos(x)^2 - 1 + 10^-${k}`)).verdict).toBe('nonzero');
      expect(zeroTest(parse(`1 + 10^-${k} - 1`)).verdict).toBe('nonzero');
      expect(zeroTest(parse(`exp(pi sqrt(163)) - 262537412640768744 + 10^-${k}`)).verdict).toBe('nonzero');
    }
    // e^(π√163) is within 7.5e-13 of an integer, and not one.
    expect(zeroTest(parse('exp(pi sqrt(163)) - 262537412640768744')).verdict).toBe('nonzero');
    // Huge terms that cancel exactly are zero; a unit left over among them is not.
    expect(zeroTest(parse('exp(1000) + 1 - exp(1000) - 1')).verdict).toBe('zero');
    expect(zeroTest(parse('(exp(200) + 1)^2 - exp(400) - 2 exp(200)')).verdict).toBe('nonzero');
  });

  it('uses assumptions to draw sample points', () => {
    const pos = Assumptions.from({ assumptions: [parse('x > 0')] });
    expect(zeroTest(parse('sqrt(x^2) - x'), { assumptions: pos }).verdict).toBe('zero');
    expect(zeroTest(parse('abs(x) - x'), { assumptions: pos }).verdict).toBe('zero');
    expect(zeroTest(parse('abs(x) - x')).verdict).toBe('nonzero');
  });

  it('says unknown rather than guessing where it cannot evaluate', () => {
    expect(zeroTest(parse('f(x) - f(x) + g(x)')).verdict).toBe('unknown');
    // Zero where the reals define it, −2πi on the principal branch for x < 0.
    expect(zeroTest(parse('log(x^2) - 2 log(x)')).verdict).toBe('unknown');
    const pos = Assumptions.from({ assumptions: [parse('x > 0')] });
    expect(zeroTest(parse('log(x^2) - 2 log(x)'), { assumptions: pos }).verdict).toBe('zero');
  });

  // A law: an identity plus a random nonzero perturbation c·t(x) is never called zero.
  const fns = ['sin', 'cos', 'exp', 'atan', 'tanh'];
  it('never calls a perturbed identity zero', () => {
    fc.assert(fc.property(fc.constantFrom(...fns), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), (f, k, c) => {
      const x = sym('x');
      const identity = add(pow(call('sin', [x]), int(2)), pow(call('cos', [x]), int(2)), int(-1));
      const perturbed: Expr = add(identity, mul(frac(c, 1), pow(int(10), int(-k)), call(f, [x])));
      expect(zeroTest(perturbed).verdict).toBe('nonzero');
      expect(zeroTest(identity).verdict).toBe('zero');
    }), { numRuns: 60 });
  });
});

describe('the zero test across the CAS', () => {
  it.each([
    ['rank([[2sqrt(2), 8], [6sqrt(6), 24sqrt(3)]])', '1'],
    ['det([[2sqrt(2), 8], [6sqrt(6), 24sqrt(3)]])', '0'],
    ['rank([[sin(x)^2, 1 - cos(x)^2], [1, 1]])', '1'],
    ['rank([[cos(x)^2, 1], [1 - sin(x)^2, 1]])', '1'],
    ['rank([[a, b], [2a, 2b]])', '1'],
    ['inv([[sqrt(2), 1], [1, sqrt(2)]])', '[[sqrt(2), -1], [-1, sqrt(2)]]'],
    ['simplify(48 sqrt(2) sqrt(3) - 48 sqrt(6))', '0'],
    ['simplify(sqrt(997) - (997^3)^(1/6))', '0'],
    ['simplify(tanh(x) - (e^x - e^-x)/(e^x + e^-x))', '0'],
    ['simplify(sqrt(8) x + sqrt(2) x)', '3 sqrt(2) x'],
    ['simplify(1/(sqrt(2) + 1))', 'sqrt(2) - 1'],
    ['log(8, 2)', '3'],
    ['log(32768, 8)', '5'],
    ['log(1/9, 27)', '-2/3'],
    ['log(10, 3)', 'log(10, 3)'],
    ['exp(i pi)', '-1'],
    ['exp(i pi) + 1', '0'],
    ['exp(2 pi i)', '1'],
    ['exp(i pi/2)', 'i'],
    ['exp(-i pi/3)', '1/2 - sqrt(3) i/2'],
    ['exp(i pi/5)', 'exp(i pi/5)'],
  ])('%s → %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('simplify says how it recognised zero', () => {
    const s = new Session();
    const out = s.run('steps(simplify(tanh(x) - (e^x - e^-x)/(e^x + e^-x)))');
    expect(out.kind === 'text' ? out.text : '').toContain('recognised as zero');
  });

  it('does not call a function that is zero only somewhere zero', () => {
    expect(text(simplify(parse('sqrt(x^2) - x')))).not.toBe('0');
    expect(text(simplify(parse('sqrt(x^2) - x'), { assumptions: [parse('x > 0')] }))).toBe('0');
  });
});
