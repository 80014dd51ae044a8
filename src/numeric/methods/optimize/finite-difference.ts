import { requirePositive } from '../errors.js';
import type { GradientObjective, Objective } from './types.js';

/**
 * Wrap an objective with a central-difference gradient,
 * ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ with hᵢ = h·max(1, |xᵢ|).
 * The default h = ε^{1/3} ≈ 6e-6 balances truncation and round-off error
 * (the classical choice for central differences, e.g. Nocedal and Wright,
 * 2006, §8.1), giving about 10 correct digits. Costs 2n + 1 evaluations.
 */
export function withNumericGradient(f: Objective, h = Math.cbrt(Number.EPSILON)): GradientObjective {
  requirePositive('h', h);
  return (x, g) => {
    const fx = f(x);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const hi = h * Math.max(1, Math.abs(xi));
      x[i] = xi + hi;
      const fp = f(x);
      x[i] = xi - hi;
      const fm = f(x);
      x[i] = xi;
      g[i] = (fp - fm) / (2 * hi);
    }
    return fx;
  };
}
