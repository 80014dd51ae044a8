/**
 * Values at the edges: infinities and NaN as values, numbers beyond the range of doubles, and the numeric
 * evaluator never overflowing or underflowing through an intermediate. Reference values are from an
 * independent evaluator at 40 digits (mpmath), quoted in the tests.
 */
import { describe, it, expect } from 'vitest';
import { Session } from '../../src/lang/index.js';
import { text } from '../../src/render/text.js';
import { parse } from '../../src/parse/parse.js';
import { formatError } from '../../src/repl/format.js';

const run = (line: string): string => {
  try {
    const out = new Session().run(line);
    return out.kind === 'expr' ? text(out.expr) : out.kind === 'text' ? out.text : '';
  } catch (err) {
    return formatError(err);
  }
};

/** Significand digits and decimal exponent of a decimal text: "921.03" → ("92103", 2). */
function decimalParts(s: string): { digits: string; exp10: number } {
  const m = /^-?(\d+)(?:\.(\d*))?(?:e([-+]?\d+))?$/.exec(s.trim());
  if (m === null) throw new Error(`not a number: ${s}`);
  const int = m[1]!.replace(/^0+/, '');
  const frac = m[2] ?? '';
  const e = Number(m[3] ?? 0);
  if (int.length > 0) return { digits: (int + frac).replace(/0+$/, '') || '0', exp10: e + int.length - 1 };
  const lead = frac.match(/^0*/)![0].length;
  return { digits: frac.slice(lead).replace(/0+$/, ''), exp10: e - lead - 1 };
}

/** True when the printed value agrees with the 40-digit reference to within one unit in its last printed digit. */
function agrees(printed: string, reference: string): boolean {
  const p = decimalParts(printed);
  const r = decimalParts(reference);
  const n = Math.max(p.digits.length, 1);
  if (p.exp10 !== r.exp10) return false;
  const ref = BigInt(r.digits.padEnd(n + 1, '0').slice(0, n + 1));
  const got = BigInt(p.digits.padEnd(n, '0')) * 10n;
  const diff = got > ref ? got - ref : ref - got;
  return diff <= 10n;
}

describe('infinity and NaN are values', () => {
  it.each([
    ['0/0', 'nan'], ['0*inf', 'nan'], ['0*nan', 'nan'], ['inf - inf', 'nan'], ['inf/inf', 'nan'], ['nan + 1', 'nan'],
    ['2 inf - 3', 'inf'], ['-2 inf + 3', '-inf'], ['inf + inf', 'inf'], ['inf * inf', 'inf'], ['inf * (-inf)', '-inf'],
    ['expand(inf/1e308)', 'inf'], ['1/inf', '0'], ['inf^2', 'inf'], ['inf^(-1/2)', '0'], ['2^inf', 'inf'],
    ['(1/2)^inf', '0'], ['2^(-inf)', '0'], ['1^inf', 'nan'], ['(-2)^inf', 'nan'], ['pi inf', 'inf'],
  ])('%s = %s', (input, want) => {
    expect(run(input)).toBe(want);
  });

  it('keeps symbolic multiples of infinity symbolic (their sign is unknown)', () => {
    expect(run('x inf')).toBe(text(parse('x inf')));
  });

  it.each(['N(sin(inf))', 'N(inf - inf)', 'N(0/0)', 'N(cos(inf), 30)'])('%s is a clear error, not a bare nan', (input) => {
    const out = run(input);
    expect(out).toMatch(/^error: .*undefined|^error: .*no numeric value/);
  });
});

describe('N never overflows or underflows through an intermediate', () => {
  it.each([
    // [input, reference value from mpmath at 45 digits]
    ['N(log(10^400))', '921.0340371976182736071965818737456830404'],
    ['N(sqrt(10^401))', '3.16227766016837933199889354443271853372e+200'],
    ['N(exp(1000), 20)', '1.970071114017046993888879352243323125317e+434'],
    ['N(exp(1000))', '1.970071114017046993888879352243323125317e+434'],
    ['N(exp(-1000000), 15)', '3.296831478088558578968907969107724208561e-434295'],
    ['N(exp(-1000000))', '3.296831478088558578968907969107724208561e-434295'],
    ['N(exp(10^9), 30)', '8.002981770660972533041909374365000688782e+434294481'],
    ['N(sinh(sinh(25)), 30)', '6.484390633725796151717233814648429275404e+15635665225'],
    ['N(gamma(36288000.8), 30)', '2.784496865889777241872874818815487875353e+258569005'],
    ['N(exp(10^8), 30)', '1.549976746648426504418458543333465212793e+43429448'],
    ['N(exp(1000) exp(-1000))', '1'],
    ['N(10^-400 * 10^300)', '1e-100'],
    ['1e-400 * 1e300', '1e-100'],
    ['1e200 * 1e200', '1e400'],
  ])('%s', (input, reference) => {
    const t0 = Date.now();
    const out = run(input);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(agrees(out, reference), `${out} vs ${reference}`).toBe(true);
  });
  it('prints exactly the digits asked for', () => {
    expect(run('N(exp(-1000000), 15)')).toBe('3.29683147808856e-434295');
  });
});

describe('numbers beyond doubles keep their sign and value', () => {
  it('keeps the sign of a tiny long decimal, and text round-trips', () => {
    expect(run('-1.00000000000000000000001e-400')).toBe('-1.00000000000000000000001e-400');
    const s = new Session();
    expect(run('N(cos(3pi/2), 30)')).toBe('0.0');
    for (const line of ['N(-exp(-1000), 30)', 'N(-cos(3pi/2 + 10^-400), 30)', 'N(-exp(-10^6), 20)']) {
      const out = s.run(line);
      if (out.kind !== 'expr') throw new Error('no value');
      expect(text(out.expr).startsWith('-')).toBe(true);
      expect(parse(text(out.expr))).toBe(out.expr);
    }
  });
  it('(-1)^(10^100) is 1 and (-1)^(10^100 + 1) is -1', () => {
    expect(run('(-1)^(10^100)')).toBe('1');
    expect(run('(-1)^(10^100 + 1)')).toBe('-1');
  });
  it('(-0.0)^(10^-400) is 0', () => {
    expect(run('(-0.0)^(10^-400)')).toBe('0.0');
  });
  it('a decimal literal too large for a double is a number, not inf', () => {
    expect(run('1e400')).toBe('1e400');
    expect(run('-1e400')).toBe('-1e400');
  });
});

describe('odd roots of negative numbers: one convention (principal power; cbrt for the real root)', () => {
  it.each(['N((-1)^(1/3))', 'N((-1)^(1/3), 20)', 'N((-8)^(2/3), 20)', 'N((-8)^(2/3))'])('%s is not a real number on every path', (line) => {
    expect(run(line)).toMatch(/^error: .*not a real number .*principal/);
  });
  it('abs of a principal root is not claimed negative', () => {
    expect(run('simplify(abs(2 (-1)^(1/3)))')).not.toBe('-2(-1)^(1/3)');
  });
  it('cbrt is the real cube root, exactly and numerically', () => {
    expect(run('cbrt(-8)')).toBe('-2');
    expect(run('cbrt(-27/8)')).toBe('-3/2');
    // -2^(1/3) from mpmath: -1.259921049894873164767210607278228350570
    expect(run('N(cbrt(-2), 30)')).toBe('-1.25992104989487316476721060728');
    expect(run('diff(cbrt(x), x)')).toBe('1/(3 cbrt(x)^2)');
  });
});

describe('moments that do not exist', () => {
  it('Student t: mean undefined for nu <= 1; variance inf for 1 < nu <= 2, undefined for nu <= 1', () => {
    expect(run('mean(StudentT(1))')).toMatch(/undefined/);
    expect(run('mean(StudentT(1/2))')).toMatch(/undefined/);
    expect(run('variance(StudentT(3/2))')).toBe('inf');
    expect(run('variance(StudentT(2))')).toBe('inf');
    expect(run('variance(StudentT(1))')).toMatch(/undefined/);
    expect(run('variance(StudentT(nu))')).toBe('nu/(nu - 2)');
  });
});
