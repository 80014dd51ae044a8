/**
 * LU factorisation with partial (row) pivoting, PA = LU, by Gaussian elimination
 * (G. H. Golub & C. F. Van Loan, "Matrix Computations", 4th ed., 2013, Algorithm 3.4.1), organised recursively
 * so that the trailing updates are matrix products (lu-blocked.ts).
 */
import { Matrix, requireFinite, requireSquare } from './matrix.js';
import { DimensionError, SingularMatrixError } from './errors.js';
import { estimateInverseNorm1 } from './condest.js';
import { arena, type Arena } from './arena.js';
import { luInPlace, trsmLowerUnit, trsmUpper } from './lu-blocked.js';

export interface LU {
  readonly n: number;
  /** L (unit lower, below the diagonal) and U (upper, with diagonal) packed together, row-major. */
  readonly lu: Float64Array;
  /** Row i of PA is row perm[i] of A. */
  readonly perm: Int32Array;
  /** +1 or −1: the sign of the permutation. */
  readonly sign: number;
  /** True when some pivot is exactly zero. */
  readonly singular: boolean;
  /** 1-norm of the original matrix, kept for condition estimates. */
  readonly anorm: number;
}

/** What the condition estimate and the solves need besides the factors themselves. */
interface FactorInfo {
  readonly n: number;
  readonly perm: Int32Array;
  readonly sign: number;
  readonly singular: boolean;
  readonly anorm: number;
}

/** Column sums of |aᵢⱼ|, reused between calls. */
let colSums = new Float64Array(0);

/** Factor A into the arena (caller holds the mark): returns the offset p of the packed factors and their facts. */
function factorIntoArena(ar: Arena, a: Matrix): FactorInfo & { p: number } {
  requireSquare(a, 'LU decomposition');
  const n = a.rows;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const p = ar.alloc(n * n);
  // One block copy into the arena; ‖A‖₁ from column sums of |aᵢⱼ| gathered row by row (a non-finite sum means a
  // non-finite entry).
  const A = a.data;
  ar.f64().set(A.length === n * n ? A : A.subarray(0, n * n), p);
  const cs = colSums.length >= n ? colSums : (colSums = new Float64Array(n));
  cs.fill(0, 0, n);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    for (let j = 0; j < n; j++) {
      cs[j]! += Math.abs(A[r0 + j]!) + Math.abs(A[r1 + j]!) + Math.abs(A[r2 + j]!) + Math.abs(A[r3 + j]!);
    }
  }
  for (; i < n; i++) for (let j = 0, r = i * n; j < n; j++) cs[j]! += Math.abs(A[r + j]!);
  let anorm = 0, bad = -1;
  for (let j = 0; j < n; j++) {
    const sj = cs[j]!;
    if (!Number.isFinite(sj)) bad = j;
    else if (sj > anorm) anorm = sj;
  }
  if (bad >= 0) requireFinite(a, 'LU decomposition'); // throws, naming the entry
  const { sign, singular } = luInPlace(ar, p, n, perm);
  return { p, n, perm, sign, singular, anorm };
}

export function luDecompose(a: Matrix): LU {
  const ar = arena();
  const mark = ar.mark();
  try {
    const f = factorIntoArena(ar, a);
    const lu = ar.f64().slice(f.p, f.p + f.n * f.n);
    return { n: f.n, lu, perm: f.perm, sign: f.sign, singular: f.singular, anorm: f.anorm };
  } finally {
    ar.release(mark);
  }
}

/** The packed factors copied into the arena, with room for one vector, for repeated triangular solves. */
interface Staged {
  readonly f: FactorInfo;
  readonly ar: Arena;
  readonly pl: number;
  readonly px: number;
}

function withStaged<T>(f: LU, body: (st: Staged) => T): T {
  const ar = arena();
  const mark = ar.mark();
  try {
    const pl = ar.alloc(f.n * f.n), px = ar.alloc(f.n);
    ar.f64().set(f.lu, pl);
    return body({ f, ar, pl, px });
  } finally {
    ar.release(mark);
  }
}

/** Overwrites b (length n) with A⁻¹b: PA = LU, so solve L then U. Assumes the factorisation is nonsingular. */
function solveInPlace(st: Staged, b: Float64Array): void {
  const { f, ar, pl, px } = st, n = f.n, perm = f.perm;
  let mem = ar.f64();
  for (let i = 0; i < n; i++) mem[px + i] = b[perm[i]!]!;
  ar.trsv(0, n, pl, n, px);
  ar.trsv(1, n, pl, n, px);
  mem = ar.f64();
  for (let i = 0; i < n; i++) b[i] = mem[px + i]!;
}

/** Overwrites b with A⁻ᵀb: Aᵀ = UᵀLᵀP, so solve Uᵀ then Lᵀ then undo P. */
function solveTransposeInPlace(st: Staged, b: Float64Array): void {
  const { f, ar, pl, px } = st, n = f.n, perm = f.perm;
  let mem = ar.f64();
  for (let i = 0; i < n; i++) mem[px + i] = b[i]!;
  ar.trsv(2, n, pl, n, px);
  ar.trsv(3, n, pl, n, px);
  mem = ar.f64();
  for (let i = 0; i < n; i++) b[perm[i]!] = mem[px + i]!;
}

function rcondStaged(st: Staged): number {
  const f = st.f;
  if (f.singular) return 0;
  if (f.n === 0) return 1;
  if (f.anorm === 0) return 0;
  const inv = estimateInverseNorm1({
    n: f.n,
    solve: (v) => solveInPlace(st, v),
    solveT: (v) => solveTransposeInPlace(st, v),
  });
  return inv === Infinity ? 0 : 1 / (f.anorm * inv);
}

/** Reciprocal 1-norm condition number estimate, 1 / (‖A‖₁ · est‖A⁻¹‖₁). Zero for an exactly singular matrix. */
export function luRcond(f: LU): number {
  if (f.singular || f.n === 0 || f.anorm === 0) return rcondStaged({ f, ar: arena(), pl: 0, px: 0 });
  return withStaged(f, rcondStaged);
}

/** Below this reciprocal condition number the matrix is treated as singular to working precision. */
export const SINGULAR_RCOND = Number.EPSILON;
/** Below this, results carry a warning: fewer than about 8 significant digits can be trusted. */
export const WARN_RCOND = 1e-8;

export interface SolveResult<T> {
  readonly x: T;
  /** Reciprocal 1-norm condition estimate of A. */
  readonly rcond: number;
  /** Present when A is ill-conditioned (rcond < 1e-8). */
  readonly warning?: string;
}

function checkUsable(singular: boolean, rcondOf: () => number, op: string): { rcond: number; warning?: string } {
  if (singular) throw new SingularMatrixError(`${op}: matrix is singular (a zero pivot appeared in LU)`, 0);
  const rcond = rcondOf();
  if (!(rcond >= SINGULAR_RCOND)) {
    throw new SingularMatrixError(
      `${op}: matrix is singular to working precision (estimated 1-norm condition number ${(1 / rcond).toExponential(2)})`,
      rcond,
    );
  }
  if (rcond < WARN_RCOND) {
    const digits = Math.max(0, Math.floor(-Math.log10(Number.EPSILON / rcond)));
    return {
      rcond,
      warning: `ill-conditioned matrix (1-norm condition ≈ ${(1 / rcond).toExponential(2)}): only about ${digits} significant digits can be trusted`,
    };
  }
  return { rcond };
}

/** Solve Ax = b with diagnostics. Throws SingularMatrixError when A is singular to working precision. */
export function solveWithInfo(a: Matrix, b: ArrayLike<number>, f?: LU): SolveResult<Float64Array> {
  const run = (st: Staged): SolveResult<Float64Array> => {
    const info = checkUsable(st.f.singular, () => rcondStaged(st), 'solve');
    const x = Float64Array.from(b);
    solveInPlace(st, x);
    return { x, ...info };
  };
  const badLength = (n: number): DimensionError => new DimensionError(`right-hand side has length ${b.length}, matrix is ${n}×${n}`);
  if (f !== undefined) {
    if (b.length !== f.n) throw badLength(f.n);
    return withStaged(f, run);
  }
  // Without given factors, factor and solve inside the arena: the factors never leave it.
  const ar = arena();
  const mark = ar.mark();
  try {
    const g = factorIntoArena(ar, a);
    if (b.length !== g.n) throw badLength(g.n);
    return run({ f: g, ar, pl: g.p, px: ar.alloc(g.n) });
  } finally {
    ar.release(mark);
  }
}

/** Solve Ax = b. Throws SingularMatrixError when A is singular to working precision. */
export function solve(a: Matrix, b: ArrayLike<number>): Float64Array {
  return solveWithInfo(a, b).x;
}

/** Solve AX = B for a matrix right-hand side (rows of B stay contiguous throughout). */
export function solveMatrixWithInfo(a: Matrix, b: Matrix, f: LU = luDecompose(a)): SolveResult<Matrix> {
  if (b.rows !== f.n) throw new DimensionError(`right-hand side has ${b.rows} rows, matrix is ${f.n}×${f.n}`);
  const info = checkUsable(f.singular, () => luRcond(f), 'solve');
  const { n, lu, perm } = f;
  const m = b.cols;
  const ar = arena();
  const mark = ar.mark();
  try {
    const pl = ar.alloc(n * n), px = ar.alloc(n * m);
    const mem = ar.f64();
    mem.set(lu, pl);
    for (let i = 0; i < n; i++) mem.set(b.data.subarray(perm[i]! * m, perm[i]! * m + m), px + i * m);
    // Forward then back substitution, both recursive so that most work is a matrix product.
    trsmLowerUnit(ar, pl, n, n, px, m, m);
    trsmUpper(ar, pl, n, n, px, m, m);
    const x = ar.f64().slice(px, px + n * m);
    return { x: { rows: n, cols: m, data: x }, ...info };
  } finally {
    ar.release(mark);
  }
}

export function solveMatrix(a: Matrix, b: Matrix): Matrix {
  return solveMatrixWithInfo(a, b).x;
}

/** Determinant from the LU factors: sign(P) · ∏ uᵢᵢ. Exactly 0 when a pivot vanishes. */
export function det(a: Matrix): number {
  const f = luDecompose(a);
  if (f.singular) return 0;
  let d = f.sign;
  for (let i = 0; i < f.n; i++) d *= f.lu[i * f.n + i]!;
  return d;
}

export function inverseWithInfo(a: Matrix): SolveResult<Matrix> {
  const f = luDecompose(a);
  const n = f.n;
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return solveMatrixWithInfo(a, { rows: n, cols: n, data: eye }, f);
}

/** A⁻¹. Throws SingularMatrixError when A is singular to working precision. */
export function inverse(a: Matrix): Matrix {
  return inverseWithInfo(a).x;
}
