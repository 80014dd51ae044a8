/**
 * Dense linear algebra benchmark: 200×200 LU solve, symmetric eigendecomposition and SVD, Lousa against
 * ml-matrix on the same matrices in the same run (median of interleaved runs).
 */
import { Matrix as MlMatrix, LuDecomposition, EigenvalueDecomposition, SingularValueDecomposition } from 'ml-matrix';
import { race, report, seeded } from './harness.js';
import { fromFlat, solve, symmetricEigen, svd, toArrays } from '../src/linalg/dense/index.js';

export async function runLinalgBench(n = 200): Promise<string> {
  const rand = seeded(11);
  const a = fromFlat(n, n, Array.from({ length: n * n }, () => rand() - 0.5));
  const sData = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) sData[i * n + j] = sData[j * n + i] = rand() - 0.5;
  const s = fromFlat(n, n, sData);
  const b = Float64Array.from({ length: n }, () => rand());
  const mlA = new MlMatrix(toArrays(a));
  const mlS = new MlMatrix(toArrays(s));
  const mlB = MlMatrix.columnVector(Array.from(b));
  const out = [
    report(`LU solve ${n}×${n}`, race([
      { name: 'Lousa solve', run: () => solve(a, b) },
      { name: 'ml-matrix LuDecomposition.solve', run: () => new LuDecomposition(mlA).solve(mlB) },
    ]), { count: 1, what: 'solve' }),
    report(`symmetric eigen ${n}×${n} (values and vectors)`, race([
      { name: 'Lousa symmetricEigen', run: () => symmetricEigen(s) },
      { name: 'ml-matrix EigenvalueDecomposition', run: () => new EigenvalueDecomposition(mlS, { assumeSymmetric: true }) },
    ], 5), { count: 1, what: 'decomposition' }),
    report(`SVD ${n}×${n} (U, S, V)`, race([
      { name: 'Lousa svd', run: () => svd(a) },
      { name: 'ml-matrix SingularValueDecomposition', run: () => new SingularValueDecomposition(mlA) },
    ], 5), { count: 1, what: 'decomposition' }),
  ];
  return out.join('\n');
}
