/**
 * Factorials and gammas whose arguments differ by whole numbers, written through the smallest one, so their
 * ratios cancel: (n + 1)!/n! = n + 1, Γ(x + 2)/Γ(x) = x(x + 1). Binomial coefficients with a small whole lower
 * index become their falling-factorial quotient: binomial(n, 2) = n(n − 1)/2. A candidate of `simplify`.
 */
import { type Expr, add, call, children, int, mul, num, pow, withChildren } from '../ast/expr.js';
import { text } from '../render/text.js';

const MAX_SPAN = 32;

/** u = base + k with k a whole number (k = 0 when u has no whole-number term). */
function split(u: Expr): [Expr, number] {
  if (u.kind === 'add') {
    const k = u.args.find((a) => a.kind === 'num' && a.value[1] === 1n);
    if (k !== undefined && k.kind === 'num' && Math.abs(Number(k.value[0])) <= 1e6) {
      return [add(...u.args.filter((a) => a !== k)), Number(k.value[0])];
    }
  }
  if (u.kind === 'num' && u.value[1] === 1n) return [int(0), Number(u.value[0])];
  return [u, 0];
}

export function gammaRatios(e: Expr): Expr {
  // Smallest offset seen for each base (gamma and factorial share it: n! = Γ(n + 1)).
  const least = new Map<string, [Expr, number]>();
  const seen = new Map<string, Set<number>>();
  const visit = (x: Expr): void => {
    if (x.kind === 'call' && (x.fn === 'gamma' || x.fn === 'factorial') && x.args.length === 1) {
      const [b, k0] = split(x.args[0]!);
      if (b.kind !== 'num') {
        const k = x.fn === 'factorial' ? k0 + 1 : k0;
        const key = text(b);
        const prev = least.get(key);
        if (prev === undefined || k < prev[1]) least.set(key, [b, k]);
        seen.set(key, (seen.get(key) ?? new Set()).add(k));
      }
    }
    children(x).forEach(visit);
  };
  visit(e);
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out = children(x).length === 0 ? x : withChildren(x, children(x).map(go));
    if (out.kind === 'call' && out.args.length === 1 && (out.fn === 'gamma' || out.fn === 'factorial')) {
      const [b, k0] = split(out.args[0]!);
      const key = text(b);
      const k = out.fn === 'factorial' ? k0 + 1 : k0;
      const low = least.get(key);
      if (low !== undefined && (seen.get(key)?.size ?? 0) > 1 && k > low[1] && k - low[1] <= MAX_SPAN) {
        // Γ(b + k) = Γ(b + m)·(b + m)(b + m + 1)…(b + k − 1)
        const m = low[1];
        const factors: Expr[] = [];
        for (let j = m; j < k; j++) factors.push(add(b, int(j)));
        const head = out.fn === 'factorial' ? call('factorial', [add(b, int(m - 1))]) : call('gamma', [add(b, int(m))]);
        out = mul(head, ...factors);
      }
    }
    if (out.kind === 'call' && out.fn === 'binomial' && out.args.length === 2) {
      const k = out.args[1]!;
      if (k.kind === 'num' && k.value[1] === 1n && k.value[0] >= 0n && k.value[0] <= BigInt(MAX_SPAN) && out.args[0]!.kind !== 'num') {
        const n = out.args[0]!;
        const kk = Number(k.value[0]);
        const factors: Expr[] = [];
        let fact = 1n;
        for (let j = 0; j < kk; j++) {
          factors.push(add(n, int(-j)));
          fact *= BigInt(j + 1);
        }
        out = mul(pow(num(fact), int(-1)), ...factors);
      }
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}
