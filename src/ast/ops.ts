/**
 * The operator table: every operator and function Lousa knows, described once. The parser checks names and
 * arities here, the printers take their spellings, the evaluator its numeric implementation and domain, the
 * compiler its JavaScript spelling. Derivative and antiderivative templates are written in Lousa's own syntax, so
 * they live beside the parser's users (src/diff/table.ts, src/integrate) in tables keyed by these same names:
 * keeping them here would make this file, which the parser reads, depend on the parser.
 */
import {
  DOMAINS, betaTotal, betaincTotal, betaincinvTotal, betainccTotal, digamma, erf as erfImpl, erfc, erfcinvTotal, erfcx,
  erfinvTotal, gamma as gammaImpl, gammaincTotal, gammaincinvTotal, gammainccTotal, gammainccinvTotal, lbetaTotal, lgamma,
  poles, polygamma, trigamma, zetaTotal,
} from './special.js';

/** Binding strength, shared by the grammar (see grammar/lousa.ne) and the printers. */
export const PREC = {
  define: 0,
  rel: 1,
  add: 2,
  mul: 3,
  neg: 4,
  pow: 5,
  postfix: 6,
  atom: 7,
} as const;

export interface FunctionRow {
  readonly name: string;
  /** Smallest and largest number of arguments (`Infinity` for variadic). */
  readonly arity: readonly [number, number];
  /** Numeric implementation on doubles. */
  readonly eval: (...args: number[]) => number;
  /** Returns why the arguments are outside the real domain, or undefined when they are inside. */
  readonly domain?: (...args: number[]) => string | undefined;
  /** LaTeX: a command such as `\sin` printed before parenthesised arguments, or a full template. */
  readonly tex: string | ((args: readonly string[]) => string);
  /** JavaScript spelling used by the compiler (a `Math` member or a runtime helper name). */
  readonly js: string;
  /** The inverse function's name, where it exists (on the principal branch). */
  readonly inverse?: string;
  /** One-line description, for `:help` and completion. */
  readonly doc: string;
}

const nonNeg = (what: string) => (x: number) => (x < 0 ? `${what} of a negative number (${x})` : undefined);
const unit = (what: string) => (x: number) => (x < -1 || x > 1 ? `${what} is defined on [-1, 1], got ${x}` : undefined);

function factorial(n: number): number {
  return gammaImpl(n + 1);
}

const op = (
  name: string, arity: readonly [number, number], evalFn: (...a: number[]) => number, tex: FunctionRow['tex'],
  js: string, doc: string, extra: Partial<FunctionRow> = {},
): FunctionRow => ({ name, arity, eval: evalFn, tex, js, doc, ...extra });

const one: readonly [number, number] = [1, 1];
const opname = (n: string): string => `\\operatorname{${n}}`;

const paren = (s: string): string => `\\left(${s}\\right)`;
/** `1 + x` or `1 - y` for the LaTeX of log1p, from the argument's LaTeX. */
const onePlus = (s: string): string => (s.startsWith('-') ? `1 ${s.replace(/^-/, '- ')}` : `1 + ${s}`);
const two: readonly [number, number] = [2, 2];
const three: readonly [number, number] = [3, 3];

/**
 * Special functions with the names and argument orders of SciPy (scipy.special): regularized incomplete gamma
 * P(a, x) = gammainc(a, x) and Q(a, x) = gammaincc(a, x), regularized incomplete beta I_x(a, b) =
 * betainc(a, b, x), and their inverses in the last argument.
 */
const SPECIAL_ROWS: FunctionRow[] = [
  op('erfc', one, erfc, opname('erfc'), 'rt.erfc', 'complementary error function 1 - erf(x)', { inverse: 'erfcinv' }),
  op('erfcx', one, erfcx, opname('erfcx'), 'rt.erfcx', 'scaled complementary error function e^(x^2) erfc(x)'),
  op('erfinv', one, erfinvTotal, (a) => `\\operatorname{erf}^{-1}${paren(a[0]!)}`, 'rt.erfinv',
    'inverse error function', { domain: DOMAINS.erfinv, inverse: 'erf' }),
  op('erfcinv', one, erfcinvTotal, (a) => `\\operatorname{erfc}^{-1}${paren(a[0]!)}`, 'rt.erfcinv',
    'inverse complementary error function', { domain: DOMAINS.erfcinv, inverse: 'erfc' }),
  op('lgamma', one, lgamma, (a) => `\\ln\\Gamma${paren(a[0]!)}`, 'rt.lgamma', 'log-gamma ln|gamma(x)|',
    { domain: poles('lgamma') }),
  op('digamma', one, digamma, (a) => `\\psi${paren(a[0]!)}`, 'rt.digamma', 'digamma ψ(x) = gamma\'(x)/gamma(x)',
    { domain: poles('digamma') }),
  op('trigamma', one, trigamma, (a) => `\\psi^{(1)}${paren(a[0]!)}`, 'rt.trigamma', 'trigamma ψ\'(x)',
    { domain: poles('trigamma') }),
  op('polygamma', two, polygamma, (a) => `\\psi^{(${a[0]!})}${paren(a[1]!)}`, 'rt.polygamma',
    'polygamma(n, x): n-th derivative of digamma (n = 0, 1, 2, …)', { domain: DOMAINS.polygamma }),
  op('beta', two, betaTotal, (a) => `\\mathrm{B}${paren(a.join(', '))}`, 'rt.beta',
    'beta function B(a, b) = gamma(a) gamma(b)/gamma(a + b)', { domain: DOMAINS.beta }),
  op('lbeta', two, lbetaTotal, (a) => `\\ln\\mathrm{B}${paren(a.join(', '))}`, 'rt.lbeta', 'log of the beta function',
    { domain: DOMAINS.lbeta }),
  op('gammainc', two, gammaincTotal, (a) => `P${paren(a.join(', '))}`, 'rt.gammainc',
    'regularized lower incomplete gamma P(a, x)', { domain: DOMAINS.gammainc, inverse: 'gammaincinv' }),
  op('gammaincc', two, gammainccTotal, (a) => `Q${paren(a.join(', '))}`, 'rt.gammaincc',
    'regularized upper incomplete gamma Q(a, x) = 1 - P(a, x)', { domain: DOMAINS.gammaincc, inverse: 'gammainccinv' }),
  op('gammaincinv', two, gammaincinvTotal, (a) => `P^{-1}${paren(a.join(', '))}`, 'rt.gammaincinv',
    'x with P(a, x) = p: gammaincinv(a, p)', { domain: DOMAINS.gammaincinv, inverse: 'gammainc' }),
  op('gammainccinv', two, gammainccinvTotal, (a) => `Q^{-1}${paren(a.join(', '))}`, 'rt.gammainccinv',
    'x with Q(a, x) = q: gammainccinv(a, q)', { domain: DOMAINS.gammainccinv, inverse: 'gammaincc' }),
  op('betainc', three, betaincTotal, (a) => `I_{${a[2]!}}${paren(`${a[0]!}, ${a[1]!}`)}`, 'rt.betainc',
    'regularized incomplete beta I_x(a, b): betainc(a, b, x)', { domain: DOMAINS.betainc, inverse: 'betaincinv' }),
  op('betaincc', three, betainccTotal, (a) => `1 - I_{${a[2]!}}${paren(`${a[0]!}, ${a[1]!}`)}`, 'rt.betaincc',
    'complement of the regularized incomplete beta, 1 - I_x(a, b)', { domain: DOMAINS.betaincc }),
  op('betaincinv', three, betaincinvTotal, (a) => `I^{-1}_{${a[2]!}}${paren(`${a[0]!}, ${a[1]!}`)}`, 'rt.betaincinv',
    'x with I_x(a, b) = p: betaincinv(a, b, p)', { domain: DOMAINS.betaincinv, inverse: 'betainc' }),
  op('zeta', one, zetaTotal, (a) => `\\zeta${paren(a[0]!)}`, 'rt.zeta', 'Riemann zeta function', { domain: DOMAINS.zeta }),
  op('log1p', one, Math.log1p, (a) => `\\ln${paren(onePlus(a[0]!))}`, 'Math.log1p', 'log(1 + x), accurate for small x',
    { domain: DOMAINS.log1p, inverse: 'expm1' }),
  op('expm1', one, Math.expm1, (a) => `\\left(e^{${a[0]!}} - 1\\right)`, 'Math.expm1', 'e^x - 1, accurate for small x',
    { inverse: 'log1p' }),
];

/**
 * The activation functions of neural networks as functions of the language (entry by entry on lists), each computed
 * without overflow: sigmoid 1/(1 + e^-x), relu max(x, 0), softplus log(1 + e^x), and GELU x Φ(x) with the normal
 * cdf Φ (the exact form, PyTorch's default, not the tanh approximation).
 */
const ACTIVATION_ROWS: FunctionRow[] = [
  op('sigmoid', one, (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    (a) => `\\sigma${paren(a[0]!)}`, 'rt.sigmoid', 'logistic sigmoid 1/(1 + e^(-x))'),
  op('relu', one, (x) => (x > 0 ? x : x <= 0 ? 0 : NaN), opname('ReLU'), 'rt.relu', 'rectified linear unit max(x, 0)'),
  op('softplus', one, (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))), opname('softplus'),
    'rt.softplus', 'softplus log(1 + e^x), a smooth relu'),
  op('gelu', one, (x) => 0.5 * x * erfc(-x / Math.SQRT2), opname('GELU'), 'rt.gelu',
    'Gaussian error linear unit x Φ(x) = x (1 + erf(x/√2))/2'),
];

const ROWS: FunctionRow[] = [
  op('sin', one, Math.sin, '\\sin', 'Math.sin', 'sine', { inverse: 'asin' }),
  op('cos', one, Math.cos, '\\cos', 'Math.cos', 'cosine', { inverse: 'acos' }),
  op('tan', one, Math.tan, '\\tan', 'Math.tan', 'tangent', { inverse: 'atan' }),
  op('cot', one, (x) => 1 / Math.tan(x), '\\cot', 'rt.cot', 'cotangent'),
  op('sec', one, (x) => 1 / Math.cos(x), '\\sec', 'rt.sec', 'secant'),
  op('csc', one, (x) => 1 / Math.sin(x), '\\csc', 'rt.csc', 'cosecant'),
  op('asin', one, Math.asin, '\\arcsin', 'Math.asin', 'inverse sine', { domain: unit('asin'), inverse: 'sin' }),
  op('acos', one, Math.acos, '\\arccos', 'Math.acos', 'inverse cosine', { domain: unit('acos'), inverse: 'cos' }),
  op('atan', one, Math.atan, '\\arctan', 'Math.atan', 'inverse tangent', { inverse: 'tan' }),
  op('cbrt', one, Math.cbrt, (a) => `\\sqrt[3]{${a[0]!}}`, 'Math.cbrt',
    'real cube root: cbrt(-8) = -2 (x^(1/3) is the principal root, complex for x < 0)'),
  op('atan2', [2, 2], Math.atan2, opname('atan2'), 'Math.atan2', 'angle of the point (x, y): atan2(y, x)'),
  op('sinh', one, Math.sinh, '\\sinh', 'Math.sinh', 'hyperbolic sine', { inverse: 'asinh' }),
  op('cosh', one, Math.cosh, '\\cosh', 'Math.cosh', 'hyperbolic cosine', { inverse: 'acosh' }),
  op('tanh', one, Math.tanh, '\\tanh', 'Math.tanh', 'hyperbolic tangent', { inverse: 'atanh' }),
  op('asinh', one, Math.asinh, opname('arsinh'), 'Math.asinh', 'inverse hyperbolic sine', { inverse: 'sinh' }),
  op('acosh', one, Math.acosh, opname('arcosh'), 'Math.acosh', 'inverse hyperbolic cosine', {
    domain: (x) => (x < 1 ? `acosh is defined on [1, ∞), got ${x}` : undefined), inverse: 'cosh',
  }),
  op('atanh', one, Math.atanh, opname('artanh'), 'Math.atanh', 'inverse hyperbolic tangent', {
    domain: (x) => (x <= -1 || x >= 1 ? `atanh is defined on (-1, 1), got ${x}` : undefined), inverse: 'tanh',
  }),
  op('exp', one, Math.exp, (a) => `e^{${a[0]}}`, 'Math.exp', 'exponential e^x', { inverse: 'log' }),
  op('log', [1, 2], (x, b) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)),
    (a) => (a.length === 2 ? `\\log_{${a[1]}}\\left(${a[0]}\\right)` : `\\ln\\left(${a[0]}\\right)`), 'rt.log',
    'natural logarithm; log(x, b) in base b', {
      domain: (x, b) => (x <= 0 ? `log of a non-positive number (${x})`
        : b !== undefined && (b <= 0 || b === 1) ? `log base must be positive and not 1, got ${b}` : undefined),
      inverse: 'exp',
    }),
  op('abs', one, Math.abs, (a) => `\\left|${a[0]}\\right|`, 'Math.abs', 'absolute value'),
  op('sign', one, Math.sign, opname('sgn'), 'Math.sign', 'sign: -1, 0 or 1'),
  op('floor', one, Math.floor, (a) => `\\left\\lfloor ${a[0]} \\right\\rfloor`, 'Math.floor', 'largest integer ≤ x'),
  op('ceil', one, Math.ceil, (a) => `\\left\\lceil ${a[0]} \\right\\rceil`, 'Math.ceil', 'smallest integer ≥ x'),
  op('min', [1, Infinity], Math.min, '\\min', 'Math.min', 'smallest argument'),
  op('max', [1, Infinity], Math.max, '\\max', 'Math.max', 'largest argument'),
  op('factorial', one, factorial, (a) => `${a[0]}!`, 'rt.factorial', 'n! = gamma(n + 1)', {
    domain: (x) => (x < 0 && Number.isInteger(x) ? `factorial of a negative integer (${x})` : undefined),
  }),
  op('gamma', one, gammaImpl, '\\Gamma', 'rt.gamma', 'gamma function', { domain: poles('gamma') }),
  op('erf', one, erfImpl, opname('erf'), 'rt.erf', 'error function', { inverse: 'erfinv' }),
  ...SPECIAL_ROWS,
  ...ACTIVATION_ROWS,
];

/** `sqrt` and `root` are spellings of powers (`x^(1/2)`, `x^(1/n)`); they are kept here for the parser. */
const SPELLINGS: FunctionRow[] = [
  op('sqrt', one, Math.sqrt, '\\sqrt', 'Math.sqrt', 'square root, x^(1/2)', { domain: nonNeg('sqrt') }),
  op('root', [2, 2], (x, n) => Math.pow(x, 1 / n!), '\\sqrt', 'rt.root', 'n-th root: root(x, n) = x^(1/n)'),
];

export const FUNCTIONS: ReadonlyMap<string, FunctionRow> = new Map(ROWS.map((r) => [r.name, r]));
export const SPELLING_FUNCTIONS: ReadonlyMap<string, FunctionRow> = new Map(SPELLINGS.map((r) => [r.name, r]));

/** Other names users type for the same functions. */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['ln', 'log'], ['arcsin', 'asin'], ['arccos', 'acos'], ['arctan', 'atan'], ['arcsinh', 'asinh'],
  ['arccosh', 'acosh'], ['arctanh', 'atanh'], ['arsinh', 'asinh'], ['arcosh', 'acosh'], ['artanh', 'atanh'],
  ['sgn', 'sign'], ['Gamma', 'gamma'], ['loggamma', 'lgamma'], ['gammaln', 'lgamma'], ['psi', 'digamma'],
]);

/** Named constants and their values. */
export const CONSTANTS: ReadonlyMap<string, { value: number; tex: string; doc: string }> = new Map([
  ['pi', { value: Math.PI, tex: '\\pi', doc: 'π, the ratio of a circle’s circumference to its diameter' }],
  ['e', { value: Math.E, tex: 'e', doc: 'Euler’s number, the base of the natural logarithm' }],
  ['i', { value: NaN, tex: 'i', doc: 'the imaginary unit, i^2 = -1' }],
  ['inf', { value: Infinity, tex: '\\infty', doc: 'infinity' }],
  ['nan', { value: NaN, tex: '\\mathrm{NaN}', doc: 'not a number' }],
]);

export function lookupFunction(name: string): FunctionRow | undefined {
  return FUNCTIONS.get(name) ?? SPELLING_FUNCTIONS.get(name);
}

/** Greek letter names, rendered as letters in LaTeX and accepted as Unicode letters by the parser. */
export const GREEK: ReadonlyMap<string, string> = new Map(
  ['alpha:α', 'beta:β', 'gamma:γ', 'delta:δ', 'epsilon:ε', 'zeta:ζ', 'eta:η', 'theta:θ', 'iota:ι', 'kappa:κ',
    'lambda:λ', 'mu:μ', 'nu:ν', 'xi:ξ', 'omicron:ο', 'rho:ρ', 'sigma:σ', 'tau:τ', 'upsilon:υ', 'phi:φ', 'chi:χ',
    'psi:ψ', 'omega:ω', 'Gamma:Γ', 'Delta:Δ', 'Theta:Θ', 'Lambda:Λ', 'Xi:Ξ', 'Pi:Π', 'Sigma:Σ', 'Upsilon:Υ',
    'Phi:Φ', 'Psi:Ψ', 'Omega:Ω'].map((s) => s.split(':') as [string, string]),
);
export const GREEK_FROM_LETTER: ReadonlyMap<string, string> = new Map([...GREEK].map(([n, l]) => [l, n]));
