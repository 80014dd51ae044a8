import { describe, it, expect } from 'vitest';
import '../../src/lang/index.js';
import { parse } from '../../src/parse/parse.js';
import { text } from '../../src/render/text.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { evaluateExact } from '../../src/eval/exact.js';
import { meanOf, varianceOf } from '../../src/stats/symbolic/index.js';

describe('means and variances derived by exact definite integration of the density', () => {
  // Reference values from the textbook formulas (mean, variance): Exponential(λ): 1/λ, 1/λ²; Uniform(a, b):
  // (a+b)/2, (b−a)²/12; Beta(α, β): α/(α+β), αβ/((α+β)²(α+β+1)); Student t(ν): 0, ν/(ν−2).
  it.each([
    ['Exponential(3)', 1 / 3, 1 / 9],
    ['Uniform(1, 5)', 3, 16 / 12],
    ['Beta(2, 3)', 2 / 5, 6 / (25 * 6)],
    ['StudentT(5)', 0, 5 / 3],
  ])('%s', (law, mean, variance) => {
    const m = meanOf(parse(law));
    const v = varianceOf(parse(law));
    expect(m.method).toBe('integral');
    expect(v.method).toBe('integral');
    expect(m.value.kind).not.toBe('float');
    expect(evaluate(m.value)).toBeCloseTo(mean, 13);
    expect(evaluate(v.value)).toBeCloseTo(variance, 13);
    // exact numbers, with the roots of the density's constants cancelled
    expect(v.value.kind).toBe('num');
  });
});

describe('exact gamma at half-integers', () => {
  it('Γ(n + 1/2) = (2n)!√π/(4ⁿ n!) and the reflection below zero', () => {
    for (let twice = -21; twice <= 41; twice += 2) {
      const e = evaluateExact(parse(`gamma(${twice}/2)`));
      expect(text(e)).toContain('sqrt(pi)');
      // Independent reference: Γ(1/2) = √π and the recurrence Γ(z + 1) = z Γ(z), in floating point.
      let ref = Math.sqrt(Math.PI);
      let z = 0.5;
      while (z < twice / 2) { ref *= z; z += 1; }
      while (z > twice / 2) { z -= 1; ref /= z; }
      expect(evaluate(e) / ref).toBeCloseTo(1, 12);
    }
  });
});
