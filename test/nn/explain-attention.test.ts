import { describe, it, expect } from 'vitest';
import katex from 'katex';
import '../../src/nn/index.js';
import { mul } from '../../src/ast/expr.js';
import { explain } from '../../src/rewrite/index.js';
import { renderDerivation, renderDerivationText } from '../../src/render/derivation.js';
import { attention } from '../../src/nn/attention.js';
import { sum, tensor } from '../../src/nn/tensor.js';

const Q = tensor('Q', [4, 2]), K = tensor('K', [4, 2]), V = tensor('V', [4, 3]), R = tensor('R', [4, 3]);
const L = sum(mul(R, attention(Q, K, V)));

describe("explain('grad', …) through one causal attention head", () => {
  it('∂L/∂V = Pᵀ δ_Y', () => {
    const t = renderDerivationText(explain('grad', L, V));
    expect(t).toContain('Pᵀ delta_Y');
  });
  it('∂L/∂Q goes through the scaled scores, the mask, the softmax Jacobian and ∂L/∂P = δ_Y Vᵀ', () => {
    const d = explain('grad', L, Q);
    expect(d.steps.map((s) => s.rule)).toEqual(['nn/attn-query', 'nn/attn-mask', 'nn/attn-softmax', 'nn/attn-weights']);
    const t = renderDerivationText(d);
    expect(t).toContain('G_S K/sqrt(2)');
    expect(t).toContain('where(M, 0, G_Z)');
    expect(t).toContain('P ⊙ G_P - P ⊙ rowsum(P ⊙ G_P)');
    expect(t).toContain('P ⊙ (delta_Y Vᵀ) - P ⊙ rowsum(P ⊙ (delta_Y Vᵀ))');
  });
  it('∂L/∂K uses the transposed score adjoint; LaTeX in English and Portuguese renders with KaTeX', () => {
    const d = explain('grad', L, K);
    expect(renderDerivationText(d)).toContain('(where(M, 0, G_Z))ᵀ Q/sqrt(2)');
    for (const lang of ['en', 'pt'] as const) {
      const tex = renderDerivation(d, { lang });
      expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
      expect(tex).toContain(lang === 'en' ? 'Jacobian diag(p)' : 'jacobiana diag(p)');
      expect(tex).toContain('\\odot');
      expect(tex).toContain('^{\\top}');
    }
  });
});
