/**
 * "Check my answer": is the user's derivative (or antiderivative) of f right? First symbolically — the
 * difference from Lousa's own answer simplifies to 0 (for an antiderivative: the derivative of the answer minus
 * f does) — then numerically at random points of every free symbol. A difference is reported with the point
 * where the two disagree; when too few points can be evaluated the answer is "could not decide", never a guess.
 */
import { type Expr, type Sym, num, sub, sym } from '../../../src/ast/expr.js';
import { bigDigits } from '../../../src/eval/n-big.js';
import { substitute } from '../../../src/ast/walk.js';
import { diff } from '../../../src/diff/index.js';
import { freeSymbols } from '../../../src/eval/n.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import { EvalError } from '../../../src/eval/errors.js';
import { parse, ParseError } from '../../../src/parse/parse.js';
import { simplify } from '../../../src/simplify/index.js';
import type { Session } from '../../../src/lang/session.js';
import { Rng } from '../../../src/stats/rng.js';
import type { CheckRequest, CheckResult } from '../protocol.js';
import { formOf } from './forms.js';

const TRIALS = 60;
const NEEDED = 12;

/** A parse error that says which field it is in. */
export class FieldError extends Error {
  constructor(readonly field: 'f' | 'x' | 'answer', readonly reason: string, readonly column?: number) {
    super(reason);
  }
}

function read(session: Session, src: string, field: FieldError['field']): Expr {
  if (src.trim() === '') throw new FieldError(field, 'this field is empty');
  try {
    return session.evaluate(parse(src));
  } catch (err) {
    if (err instanceof ParseError) throw new FieldError(field, err.reason, err.column);
    throw err;
  }
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.value[0] === 0n;

function tryValue(e: Expr, env: Map<string, number>): number | undefined {
  try {
    const v = evaluate(e, env);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The exact rational value of a double (every double is m/2^k). */
function exactOf(v: number): Expr {
  let t = v, k = 0;
  while (!Number.isInteger(t) && k < 1100) {
    t *= 2;
    k++;
  }
  return num(BigInt(t), 1n << BigInt(k));
}

/**
 * yours − expected at the point, to 40 digits, so that a difference seen in doubles is not an artefact of
 * cancellation; undefined where the high-precision evaluator cannot do it.
 */
function preciseDifference(yours: Expr, expected: Expr, env: ReadonlyMap<string, number>): number | undefined {
  try {
    const at = new Map<Expr, Expr>([...env].map(([n, v]) => [sym(n), exactOf(v)]));
    return Number(bigDigits(substitute(sub(yours, expected), at), 40));
  } catch {
    return undefined;
  }
}

const fmt = (v: number): string => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? String(Number(v.toPrecision(6))) : v.toExponential(4));

export function checkAnswer(session: Session, req: CheckRequest): CheckResult {
  const f = read(session, req.f, 'f');
  const xe = parse(req.x.trim() === '' ? 'x' : req.x);
  if (xe.kind !== 'sym') throw new FieldError('x', 'the variable must be a name such as x');
  const x: Sym = xe;
  const answer = read(session, req.answer, 'answer');
  // What is compared: yours against Lousa's derivative, or the derivative of yours against f.
  const expected = req.mode === 'derivative' ? diff(f, x) : f;
  const yours = req.mode === 'derivative' ? answer : diff(answer, x);
  const shown = formOf(expected);
  const what = req.mode === 'derivative' ? 'derivative' : 'antiderivative';

  let difference: Expr | undefined;
  try {
    difference = simplify(sub(yours, expected));
  } catch {
    difference = undefined;
  }
  if (difference !== undefined && isZero(difference)) {
    return {
      equivalent: true, how: 'symbolic', expected: shown,
      message: req.mode === 'derivative'
        ? `Right: your answer equals d/d${x.name} of f (the difference simplifies to 0).`
        : `Right: the derivative of your answer simplifies to f, so it is an antiderivative (up to a constant).`,
    };
  }

  const names = [...new Set([...freeSymbols(yours), ...freeSymbols(expected), x.name])].sort();
  const rng = new Rng(20_261_204);
  let agreed = 0;
  for (let k = 0; k < TRIALS; k++) {
    // Points of several sizes, so that a disagreement hidden at one scale shows at another.
    const size = [0.5, 2, 6][k % 3]!;
    const env = new Map(names.map((n) => [n, (2 * rng.next() - 1) * size] as const));
    const a = tryValue(yours, env), b = tryValue(expected, env);
    if (a === undefined || b === undefined) continue;
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    const apart = Math.abs(a - b) > 1e-7 * scale;
    // A difference in doubles is confirmed at 40 digits where that can be done; the first few agreements are
    // checked at 40 digits too, so that a difference smaller than double rounding is not taken for equality.
    const precise = apart || agreed < 4 ? preciseDifference(yours, expected, env) : undefined;
    // At 40 digits an identically zero difference comes out below 1e-35 of the values' size; anything larger is real.
    const differs = precise !== undefined ? Math.abs(precise) > 1e-35 * scale : apart;
    if (differs) {
      const point = names.map((n) => `${n} = ${fmt(env.get(n)!)}`).join(', ');
      const gap = precise ?? a - b;
      const by = Math.abs(gap) < 1e-6 * scale ? ` (they differ by ${gap.toExponential(2)})` : '';
      return {
        equivalent: false, how: 'differs', expected: shown,
        where: { point, yours: a, expected: b },
        message: req.mode === 'derivative'
          ? `Not the derivative: at ${point} your answer is ${fmt(a)} but d/d${x.name} f is ${fmt(b)}${by}.`
          : `Not an antiderivative: at ${point} the derivative of your answer is ${fmt(a)} but f is ${fmt(b)}${by}.`,
      };
    }
    agreed++;
  }
  if (agreed >= NEEDED) {
    return {
      equivalent: true, how: 'numeric', expected: shown,
      message: `Right, numerically: your ${what} agrees at ${agreed} random points, though Lousa could not show it symbolically.`,
    };
  }
  throw new EvalError(`could not decide: only ${agreed} of ${TRIALS} random points could be evaluated (check the domain of f)`);
}
