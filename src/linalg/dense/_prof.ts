import { zeros } from '/work/main/src/linalg/dense/matrix.js';
import { symmetricEigen, symmetricEigenvalues } from '/work/main/src/linalg/dense/symeig.js';
import { svd, singularValues } from '/work/main/src/linalg/dense/svd.js';
import { luDecompose, solve } from '/work/main/src/linalg/dense/lu.js';
const n = 200;
const a = zeros(n, n); for (let i = 0; i < n*n; i++) a.data[i] = Math.random() - 0.5;
const s = zeros(n, n); for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) s.data[i*n+j] = s.data[j*n+i] = Math.random()-0.5;
const b = new Float64Array(n).fill(1);
function time(l: string, f: () => unknown) { for (let i = 0; i < 3; i++) f(); const ts=[]; for (let i=0;i<9;i++){const t=performance.now(); f(); ts.push(performance.now()-t);} ts.sort((x,y)=>x-y); console.log(l, ts[4].toFixed(2)); }
time('lu', () => luDecompose(a));
time('solve', () => solve(a, b));
//time('eigvals', () => symmetricEigenvalues(s));
//time('eig', () => symmetricEigen(s));
//time('svals', () => singularValues(a));
//time('svd', () => svd(a));
