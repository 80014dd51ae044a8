/**
 * Planning a compiled tensor program: which nodes get a buffer, which are fused into their consumer's loop,
 * and which buffers can share memory. Elementwise nodes (+, ×, ^, the operator table's functions, where,
 * comparisons, explicit broadcasts) with one consumer of the same shape are inlined into that consumer's loop,
 * so a chain such as tanh(x W + b) or the softmax-minus-one-hot of cross-entropy runs as one loop. A transpose
 * read only by matrix products is never materialised: the product reads its operand transposed. Buffers are
 * assigned by a linear scan over the schedule (Poletto & Sarkar (1999), "Linear scan register allocation"),
 * reusing a freed buffer of the same length. Sums are n-ary in the DAG, so a residual stream x₀ + a₁ + m₁ + a₂ + …
 * appears as ever longer sums; a sum that contains every term of another sum of the same shape is computed as
 * that sum plus the remaining terms (the largest such sum is chosen), so each layer adds its own terms once.
 */
import type { Expr } from '../../ast/expr.js';
import { FUNCTIONS } from '../../ast/ops.js';
import { text } from '../../render/text.js';
import { NnError } from '../errors.js';
import { childrenOf, topoOrder } from '../grad.js';
import { ELEMENTWISE_EXTRA, isTensorLeaf, sizeOf } from '../tensor.js';

export type Role = 'leaf' | 'const' | 'ewise' | 'op' | 'virtual';

export interface Plan {
  /** Sums computed as an earlier sum (the first entry) plus their remaining terms. */
  readonly sumOf: ReadonlyMap<Expr, readonly Expr[]>;
  /** Nodes computed by a kernel, in execution order. */
  readonly schedule: readonly Expr[];
  readonly role: ReadonlyMap<Expr, Role>;
  /** Nodes that own a buffer (leaves, constants read by operations, scheduled nodes). */
  readonly materialized: ReadonlySet<Expr>;
  /** Buffer slot of each materialised node and the length of each slot. */
  readonly slot: ReadonlyMap<Expr, number>;
  readonly slotSize: readonly number[];
  /** Buffers filled once when the program is built (constants read by operations). */
  readonly constants: readonly Expr[];
}

const isEwise = (e: Expr): boolean =>
  e.kind === 'add' || e.kind === 'mul' || e.kind === 'pow'
  || (e.kind === 'call' && (FUNCTIONS.has(e.fn) || ELEMENTWISE_EXTRA.has(e.fn) || e.fn === 'broadcastto'));

/** Operations that take their first operand's value through a fused loop. */
const FUSING_OPS = new Set(['sumto']);

function roleOf(e: Expr): Role {
  if (isTensorLeaf(e)) return 'leaf';
  if (e.kind === 'num' || e.kind === 'float' || e.kind === 'sym') return 'const';
  if (isEwise(e)) return 'ewise';
  if (e.kind === 'call') return 'op';
  throw new NnError(`cannot compile ${e.kind} ${text(e)} as part of a tensor program`);
}

const sameShape = (a: Expr, b: Expr): boolean => a.shape.length === b.shape.length && a.shape.every((d, k) => d === b.shape[k]);

/**
 * For each sum (of at least three terms) the largest other sum of the same shape whose terms it all contains:
 * it is computed as that sum plus the rest. Terms are compared as a multiset.
 */
function partialSums(nodes: readonly Expr[]): Map<Expr, Expr[]> {
  const sums = nodes.filter((e): e is Expr & { kind: 'add' } => e.kind === 'add').sort((a, b) => a.args.length - b.args.length);
  const out = new Map<Expr, Expr[]>();
  const byTerm = new Map<Expr, (Expr & { kind: 'add' })[]>();
  for (const e of sums) {
    if (e.args.length >= 3) {
      const count = new Map<Expr, number>();
      for (const a of e.args) count.set(a, (count.get(a) ?? 0) + 1);
      // candidates: sums sharing the first term (every candidate contains it or another term; try all terms' lists)
      let best: (Expr & { kind: 'add' }) | undefined;
      const tried = new Set<Expr>();
      for (const a of count.keys()) {
        for (const s of byTerm.get(a) ?? []) {
          if (tried.has(s)) continue;
          tried.add(s);
          if (s.args.length >= e.args.length || (best !== undefined && s.args.length <= best.args.length) || !sameShape(s, e)) continue;
          const need = new Map<Expr, number>();
          let fits = true;
          for (const t of s.args) {
            const n = (need.get(t) ?? 0) + 1;
            need.set(t, n);
            if (n > (count.get(t) ?? 0)) { fits = false; break; }
          }
          if (fits) best = s;
        }
      }
      if (best !== undefined) {
        const left = new Map(count);
        for (const t of best.args) left.set(t, left.get(t)! - 1);
        const rest: Expr[] = [];
        for (const a of e.args) {
          const n = left.get(a)!;
          if (n > 0) { rest.push(a); left.set(a, n - 1); }
        }
        out.set(e, [best, ...rest]);
      }
    }
    for (const a of new Set(e.args)) {
      const l = byTerm.get(a);
      if (l === undefined) byTerm.set(a, [e]);
      else l.push(e);
    }
  }
  return out;
}

/** Children as the program computes them: a sum with an earlier partial sum reads it and its remaining terms. */
export function planChildren(e: Expr, sumOf: ReadonlyMap<Expr, readonly Expr[]>): readonly Expr[] {
  return sumOf.get(e) ?? childrenOf(e);
}

/** Nodes reachable from the roots through planChildren, children before parents. */
function planOrder(roots: readonly Expr[], sumOf: ReadonlyMap<Expr, readonly Expr[]>): Expr[] {
  const order: Expr[] = [];
  const seen = new Set<Expr>();
  const stack: [Expr, number][] = [];
  for (const r of roots) {
    if (seen.has(r)) continue;
    seen.add(r);
    stack.push([r, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = planChildren(top[0], sumOf);
      if (top[1] < kids.length) {
        const c = kids[top[1]++]!;
        if (!seen.has(c)) { seen.add(c); stack.push([c, 0]); }
      } else {
        stack.pop();
        order.push(top[0]);
      }
    }
  }
  return order;
}

/** The nodes whose values a kernel computing `e` reads from buffers (inlined nodes are looked through). */
export function reads(e: Expr, plan: Pick<Plan, 'materialized' | 'role' | 'sumOf'>): Expr[] {
  const out: Expr[] = [];
  const visit = (x: Expr, top: boolean): void => {
    if (!top && plan.materialized.has(x)) {
      out.push(x);
      return;
    }
    if (!top && plan.role.get(x) === 'virtual') {
      for (const c of childrenOf(x)) visit(c, false);
      return;
    }
    if (!top && plan.role.get(x) === 'const') return;
    for (const c of planChildren(x, plan.sumOf)) visit(c, false);
  };
  visit(e, true);
  return out;
}

export function plan(outputs: readonly Expr[]): Plan {
  const sumOf = partialSums(topoOrder(outputs));
  const order = planOrder(outputs, sumOf);
  const role = new Map<Expr, Role>();
  const consumers = new Map<Expr, Expr[]>();
  for (const e of order) {
    role.set(e, roleOf(e));
    for (const c of planChildren(e, sumOf)) {
      const l = consumers.get(c);
      if (l === undefined) consumers.set(c, [e]);
      else l.push(e);
    }
  }
  const outs = new Set(outputs);
  for (const e of order) {
    if (e.kind === 'call' && e.fn === 'transpose' && !outs.has(e)) {
      const cs = consumers.get(e) ?? [];
      if (cs.length > 0 && cs.every((c) => c.kind === 'call' && c.fn === 'matmul')) role.set(e, 'virtual');
    }
  }
  const materialized = new Set<Expr>();
  const constants: Expr[] = [];
  for (const e of order) {
    const r = role.get(e)!;
    const cs = consumers.get(e) ?? [];
    if (r === 'leaf' || r === 'op') materialized.add(e);
    else if (r === 'const') {
      if (outs.has(e) || cs.some((c) => role.get(c) === 'op' || role.get(c) === 'virtual')) {
        materialized.add(e);
        constants.push(e);
      }
    } else if (r === 'ewise') {
      const fusable = !outs.has(e) && cs.length === 1 && sizeOf(cs[0]!.shape) === sizeOf(e.shape) && role.get(cs[0]!) === 'ewise';
      const intoSumTo = !outs.has(e) && cs.length === 1 && cs[0]!.kind === 'call' && FUSING_OPS.has(cs[0]!.fn) && cs[0]!.args[0] === e;
      if (!fusable && !intoSumTo) materialized.add(e);
    }
  }
  const schedule = order.filter((e) => materialized.has(e) && (role.get(e) === 'ewise' || role.get(e) === 'op'));
  // Linear scan: a buffer is free after the last kernel that reads it; outputs and leaves are never freed.
  const lastUse = new Map<Expr, number>();
  schedule.forEach((e, k) => {
    for (const r of reads(e, { materialized, role, sumOf })) lastUse.set(r, k);
  });
  const slot = new Map<Expr, number>();
  const slotSize: number[] = [];
  const free = new Map<number, number[]>();
  const take = (e: Expr): void => {
    const n = Math.max(1, sizeOf(e.shape));
    const pool = free.get(n);
    const s = pool !== undefined && pool.length > 0 ? pool.pop()! : (slotSize.push(n), slotSize.length - 1);
    slot.set(e, s);
  };
  for (const e of order) if (materialized.has(e) && (role.get(e) === 'leaf' || role.get(e) === 'const')) take(e);
  const pinned = new Set<Expr>([...outs, ...order.filter((e) => role.get(e) === 'leaf' || role.get(e) === 'const')]);
  const dying: Expr[][] = schedule.map(() => []);
  for (const [e, k] of lastUse) if (!pinned.has(e)) dying[k]!.push(e);
  schedule.forEach((e, k) => {
    take(e);
    for (const d of dying[k]!) {
      const n = slotSize[slot.get(d)!]!;
      const pool = free.get(n);
      if (pool === undefined) free.set(n, [slot.get(d)!]);
      else pool.push(slot.get(d)!);
    }
    // A node nobody reads (an output, or dead) keeps its buffer.
  });
  return { schedule, role, materialized, slot, slotSize, constants, sumOf };
}
