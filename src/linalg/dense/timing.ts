/**
 * Hand-run timing of the dense kernels on random 200×200 input: `npx tsx src/linalg/dense/timing.ts [n]`.
 * Reports the median of several runs after warm-up. Not a test.
 */
import { zeros, multiply, transpose, type Matrix } from './matrix.js';
import { luDecompose, solve } from './lu.js';
import { qrDecompose } from './qr.js';
import { cholesky } from './cholesky.js';
import { symmetricEigen } from './symeig.js';
import { svd } from './svd.js';

const n = Number(process.argv[2] ?? 200);
function random(r: number, c: number): Matrix {
  const m = zeros(r, c);
  for (let i = 0; i < m.data.length; i++) m.data[i] = Math.random() * 2 - 1;
  return m;
}
function time(label: string, f: () => unknown, reps = 15): void {
  for (let i = 0; i < 3; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  ts.sort((x, y) => x - y);
  console.log(`${label.padEnd(22)} ${ts[reps >> 1]!.toFixed(2)} ms (min ${ts[0]!.toFixed(2)})`);
}
const a = random(n, n);
const b = Float64Array.from({ length: n }, () => Math.random());
const g = random(n, n);
const spd = multiply(g, transpose(g));
for (let i = 0; i < n; i++) spd.data[i * n + i]! += n;
const sym = spd;
console.log(`n = ${n}`);
time('LU factor', () => luDecompose(a));
time('LU solve (incl. rcond)', () => solve(a, b));
time('QR', () => qrDecompose(a));
time('Cholesky', () => cholesky(spd));
time('matmul', () => multiply(a, g));
time('symmetric eigen', () => symmetricEigen(sym));
time('SVD', () => svd(a));
