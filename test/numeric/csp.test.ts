import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('hosts that forbid code generation', () => {
  it('kernels fall back to the interpreter and compute the same values', () => {
    const probe = fileURLToPath(new URL('./fixtures/csp-probe.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', probe], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { backend: string; value: number; grad: number[]; gradBackend: string; refused: string };
    expect(r.backend).toBe('interpret');
    expect(r.gradBackend).toBe('interpret');
    expect(r.refused).toBe('EvalError');
    expect(r.value).toBe(Math.sin(0.5) ** 2 + 1);
    expect(r.grad[0]).toBeCloseTo(2 * Math.sin(0.5) * Math.cos(0.5) + 2, 15);
    expect(r.grad[1]).toBe(0.5);
  });
});
