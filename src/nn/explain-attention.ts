/**
 * `explain('grad', L, X)` through a head of attention Y = softmax(mask(Q Kᵀ/√d)) V, for X one of Q, K, V.
 * The head is found in the graph (a product P V whose left factor is exp(Z − logsumexp Z), Z a `where` over the
 * scaled scores S = c · Q Kᵀ). Each line of the derivation substitutes one adjoint by its value, and every value
 * is what the reverse mode itself produces — the local adjoint rule of the graph's node applied to a placeholder
 * (δ_Y, ∂L/∂P, …), printed in matrix notation: products side by side, ᵀ, ⊙ for entrywise products, rowsum for
 * the sum over keys. Labels say what each step is in English and Portuguese.
 */
import { type Expr, ONE, add, call, mul, pow, sym } from '../ast/expr.js';
import { registerLabels } from '../render/labels.js';
import { registerCallTex } from '../render/latex.js';
import { registerCallText } from '../render/text.js';
import type { Derivation, Step } from '../rewrite/types.js';
import { NnError } from './errors.js';
import { adjointMap, childrenOf, localAdjoints, topoOrder } from './grad.js';
import { intArg, isTensorLeaf, leafName, sum, tensor } from './tensor.js';
import { softmax } from './attention.js';

registerLabels({
  'nn/attn-value': { en: 'Y = P V: the adjoint of the right factor is Pᵀ δ_Y', pt: 'Y = P V: o adjunto do fator da direita é Pᵀ δ_Y' },
  'nn/attn-weights': { en: 'Y = P V: the adjoint of the attention weights is δ_Y Vᵀ', pt: 'Y = P V: o adjunto dos pesos de atenção é δ_Y Vᵀ' },
  'nn/attn-softmax': {
    en: 'softmax per row, Jacobian diag(p) − p pᵀ: ∂L/∂z = p ⊙ ∂L/∂p − p (pᵀ ∂L/∂p)',
    pt: 'softmax por linha, jacobiana diag(p) − p pᵀ: ∂L/∂z = p ⊙ ∂L/∂p − p (pᵀ ∂L/∂p)',
  },
  'nn/attn-mask': {
    en: 'causal mask Z = where(M, −∞, S): the adjoint passes only where j ≤ i; a masked score (M = 1, j > i) gets 0, and its weight P = e^−∞ = 0 as well',
    pt: 'máscara causal Z = where(M, −∞, S): o adjunto passa só onde j ≤ i; um escore mascarado (M = 1, j > i) recebe 0, e o seu peso P = e^−∞ = 0 também',
  },
  'nn/attn-query': { en: 'S = c Q Kᵀ with c = 1/√d: ∂L/∂Q = c (∂L/∂S) K', pt: 'S = c Q Kᵀ com c = 1/√d: ∂L/∂Q = c (∂L/∂S) K' },
  'nn/attn-key': { en: 'S = c Q Kᵀ with c = 1/√d: ∂L/∂K = c (∂L/∂S)ᵀ Q', pt: 'S = c Q Kᵀ com c = 1/√d: ∂L/∂K = c (∂L/∂S)ᵀ Q' },
});

// Display-only functions of tensor notation.
const tight = (e: Expr): boolean => e.kind === 'add' || e.kind === 'mul' || (e.kind === 'call' && e.fn === 'MatProd');
registerCallTex('MatProd', (a, p) => a.map((x) => p(x, tight(x))).join('\\,'));
registerCallText('MatProd', (a, p) => a.map((x) => p(x, tight(x))).join(' '));
registerCallTex('Tr', ([a], p) => (a!.kind === 'sym' ? `${p(a!, true)}^{\\top}` : `\\left(${p(a!, false)}\\right)^{\\top}`));
registerCallText('Tr', ([a], p) => (a!.kind === 'sym' ? `${p(a!, true)}ᵀ` : `(${p(a!, false)})ᵀ`));
const isProd = (x: Expr): boolean => x.kind === 'call' && x.fn === 'MatProd';
registerCallTex('Had', (a, p) => a.map((x) => (isProd(x) ? `\\left(${p(x, false)}\\right)` : p(x, tight(x)))).join(' \\odot '));
registerCallText('Had', (a, p) => a.map((x) => (isProd(x) ? `(${p(x, false)})` : p(x, tight(x)))).join(' ⊙ '));
registerCallTex('RowSum', ([a], p) => `\\operatorname{rowsum}\\left(${p(a!, false)}\\right)`);
registerCallText('RowSum', ([a], p) => `rowsum(${p(a!, false)})`);
registerCallTex('Where', ([c, a, b], p) => `\\operatorname{where}\\left(${p(c!, false)},\\ ${p(a!, false)},\\ ${p(b!, false)}\\right)`);
registerCallText('Where', ([c, a, b], p) => `where(${p(c!, false)}, ${p(a!, false)}, ${p(b!, false)})`);

const trOf = (a: Expr): Expr => {
  if (a.kind === 'call' && a.fn === 'Tr') return a.args[0]!; // (Xᵀ)ᵀ = X
  if (a.kind === 'call' && a.fn === 'MatProd') return call('MatProd', [...a.args].reverse().map(trOf)); // (A B)ᵀ = Bᵀ Aᵀ
  if (a.kind === 'mul') { // (c X)ᵀ = c Xᵀ for a scalar c
    const sc = a.args.filter((x) => x.shape.length === 0 && x.kind !== 'call' && x.kind !== 'sym');
    const rest = a.args.filter((x) => !sc.includes(x));
    if (sc.length > 0 && rest.length === 1) return mul(...sc, trOf(rest[0]!));
  }
  return call('Tr', [a]);
};
/** Scalar factors of a product pulled out of a matrix product: (c A) B = c (A B). */
function matProd(a: Expr, b: Expr): Expr {
  const split = (x: Expr): [Expr[], Expr] => {
    if (x.kind !== 'mul') return [[], x];
    const sc: Expr[] = x.args.filter((y) => y.kind === 'num' || y.kind === 'float' || y.kind === 'pow');
    const rest = x.args.filter((y) => !sc.includes(y));
    return rest.length === 1 && sc.length > 0 ? [sc, rest[0]!] : [[], x];
  };
  const [ca, ra] = split(a), [cb, rb] = split(b);
  const prod = call('MatProd', [ra, rb]);
  return ca.length + cb.length === 0 ? prod : mul(...ca, ...cb, prod);
}

/** The expression in matrix notation, with the named nodes shown as their names. */
export function notation(e: Expr, names: ReadonlyMap<Expr, Expr>): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    const n = names.get(x);
    if (n !== undefined) return n;
    if (isTensorLeaf(x)) return sym(leafName(x));
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let out: Expr;
    if (x.kind === 'mul' && x.shape.length > 0) {
      const scalars = x.args.filter((a) => a.shape.length === 0).map(go);
      const tensors = x.args.filter((a) => a.shape.length > 0).map(go).filter((a) => a !== ONE);
      out = mul(...scalars, tensors.length === 0 ? ONE : tensors.length === 1 ? tensors[0]! : call('Had', tensors));
    } else if (x.kind === 'add') out = add(...x.args.map(go));
    else if (x.kind === 'call') {
      const a = x.args;
      const lastSummed = (from: readonly number[], to: readonly number[]): boolean =>
        from.length === to.length && to[to.length - 1] === 1 && from[from.length - 1]! > 1 && from.slice(0, -1).every((d, k) => d === to[k]);
      switch (x.fn) {
        case 'matmul': out = matProd(go(a[0]!), go(a[1]!)); break;
        case 'transpose': out = trOf(go(a[0]!)); break;
        case 'reshape': case 'broadcastto': out = go(a[0]!); break;
        case 'sumto': out = lastSummed(a[0]!.shape, x.shape) ? call('RowSum', [go(a[0]!)]) : a[0]!.shape.length === x.shape.length ? go(a[0]!) : call('Sum', [go(a[0]!)]); break;
        case 'sum': out = intArg(a[1]) === a[0]!.shape.length - 1 ? call('RowSum', [go(a[0]!)]) : call('Sum', [go(a[0]!)]); break;
        case 'where': out = call('Where', a.map(go)); break;
        default: out = call(x.fn, a.map(go));
      }
    } else out = x;
    memo.set(x, out);
    return out;
  };
  return go(e);
}

interface Head { y: Expr; p: Expr; z: Expr; s: Expr; qk: Expr; q: Expr; kt: Expr; k: Expr; v: Expr; mask: Expr | undefined; c: Expr }

const isCall = (e: Expr | undefined, fn: string): e is Expr & { kind: 'call' } => e !== undefined && e.kind === 'call' && e.fn === fn;

/** The head of attention whose softmax is `p` (exp(Z − lse Z)), read back from the graph, or undefined. */
function headOf(p: Expr, y: Expr): Head | undefined {
  if (!isCall(p, 'exp') || !isCall(y, 'matmul') || y.args[0] !== p) return undefined;
  const u = p.args[0]!;
  if (u.kind !== 'add' || u.args.length !== 2) return undefined;
  const z = u.args.find((a) => !(a.kind === 'mul'));
  if (z === undefined) return undefined;
  let s: Expr = z;
  let mask: Expr | undefined;
  if (isCall(z, 'where')) { mask = z.args[0]; s = z.args[2]!; }
  if (s.kind !== 'mul') return undefined;
  const qk = s.args.find((a) => isCall(a, 'matmul'));
  const c = s.args.filter((a) => a !== qk);
  if (qk === undefined || !isCall(qk, 'matmul') || c.length !== 1) return undefined;
  const kt = qk.args[1]!;
  if (!isCall(kt, 'transpose')) return undefined;
  return { y, p, z, s, qk, q: qk.args[0]!, kt, k: kt.args[0]!, v: y.args[1]!, mask, c: c[0]! };
}

/** The attention head of the loss that X (a tensor leaf) enters as Q, K or V, if there is one. */
export function findHead(loss: Expr, x: Expr): Head | undefined {
  for (const e of topoOrder([loss])) {
    if (!isCall(e, 'matmul')) continue;
    const h = headOf(e.args[0]!, e);
    if (h !== undefined && (h.q === x || h.k === x || h.v === x)) return h;
  }
  return undefined;
}

const place = (name: string, like: Expr): Expr => tensor(name, like.shape);

export function explainAttentionGrad(loss: Expr, x: Expr): Derivation {
  const h = findHead(loss, x);
  if (h === undefined) throw new NnError('no attention head uses this tensor as Q, K or V');
  const adj = adjointMap(loss, [x]);
  const gY = place('delta_Y', h.y), gP = place('G_P', h.p), gZ = place('G_Z', h.z), gS = place('G_S', h.s);
  const names = new Map<Expr, Expr>([[h.p, sym('P')], [h.s, sym('S')], [h.z, sym('Z')], [h.c, h.c]]);
  if (h.mask !== undefined) names.set(h.mask, sym('M'));
  const show = (e: Expr): Expr => notation(e, names);
  const which = x === h.v ? 'V' : x === h.q ? 'Q' : 'K';
  const input = call('D', [sym('L'), sym(which)]);
  const steps: Step[] = [];
  const push = (rule: string, whole: Expr): void => {
    const before = steps.length === 0 ? input : steps[steps.length - 1]!.whole!;
    steps.push({ rule, at: [], before, after: whole, bindings: new Map(), substeps: [], whole });
  };
  // Y = P V.
  const [dP, dV] = localAdjoints(h.y, gY) as [Expr, Expr];
  if (which === 'V') {
    push('nn/attn-value', show(dV));
  } else {
    // S = c · Q Kᵀ: the adjoint of Q Kᵀ is c G_S; then through the product and the transpose.
    const gQK = localAdjoints(h.s, gS)[h.s.kind === 'mul' ? (h.s.args as Expr[]).indexOf(h.qk) : 0]!;
    const [dQ, dKt] = localAdjoints(h.qk, gQK) as [Expr, Expr];
    const result = which === 'Q' ? dQ : localAdjoints(h.kt, dKt)[0]!;
    let cur = result;
    push(which === 'Q' ? 'nn/attn-query' : 'nn/attn-key', show(cur));
    // Z = where(M, −∞, S): G_S from G_Z.
    const gSval = h.mask !== undefined ? localAdjoints(h.z, gZ)[2]! : gZ;
    cur = substitute(cur, gS, gSval);
    if (h.mask !== undefined) push('nn/attn-mask', show(cur));
    // P = softmax(Z): G_Z from G_P, by the reverse mode on softmax of a placeholder Z.
    const zLeaf = place('Z_', h.z);
    const pLeaf = softmax(zLeaf, -1);
    const gZval = adjointMap(sum(mul(gP, pLeaf)), [zLeaf]).get(zLeaf)!;
    names.set(pLeaf, sym('P'));
    cur = substitute(cur, h.mask !== undefined ? gZ : gS, gZval);
    push('nn/attn-softmax', show(cur));
    // Y = P V: G_P = δ_Y Vᵀ.
    cur = substitute(cur, gP, dP);
    push('nn/attn-weights', show(cur));
  }
  // The reverse walk over the whole graph must give the same adjoint, entry for entry; the caller's δ_Y is the
  // adjoint of Y in that walk.
  const total = adj.get(x);
  if (total === undefined) throw new NnError(`the loss does not depend on ${leafName(x)}`);
  return { op: 'grad', input, result: steps[steps.length - 1]!.whole!, steps, stopped: 'fixpoint' };
}

/** Replace every occurrence of the node `from` by `to` (the DAG is rebuilt bottom-up). */
function substitute(e: Expr, from: Expr, to: Expr): Expr {
  const memo = new Map<Expr, Expr>();
  const go = (x: Expr): Expr => {
    if (x === from) return to;
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = childrenOf(x);
    let out = x;
    if (kids.length > 0) {
      const nk = kids.map(go);
      if (nk.some((k, i) => k !== kids[i])) out = rebuild(x, nk);
    }
    memo.set(x, out);
    return out;
  };
  return go(e);
}

function rebuild(x: Expr, kids: Expr[]): Expr {
  switch (x.kind) {
    case 'add': return add(...kids);
    case 'mul': return mul(...kids);
    case 'call': return call(x.fn, kids);
    case 'pow': return pow(kids[0]!, kids[1]!);
    default: throw new NnError(`internal: cannot rebuild ${x.kind}`);
  }
}
