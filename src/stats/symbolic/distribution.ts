/**
 * A distribution value of the language is a call node such as `Normal(0, 1)` or `Binomial(n, 1/2)`. This
 * module reads one (checking the name and the number of parameters), fills in default parameters, and
 * builds the numeric distribution of src/stats/dist when every parameter has a numeric value.
 */
import { type Call, type Expr, call, isNumber } from '../../ast/expr.js';
import { evaluate } from '../../eval/evaluate.js';
import { freeSymbols } from '../../eval/n.js';
import { text } from '../../render/text.js';
import { distributions } from '../dist/registry.js';
import type { Distribution } from '../dist/types.js';
import { DistributionSpecError } from './errors.js';
import { LAWS, LAW_NAMES, type LawSpec } from './laws.js';

export interface LawValue {
  readonly name: string;
  /** Undefined for Categorical, whose one parameter is a list. */
  readonly spec: LawSpec | undefined;
  /** Parameters with defaults filled in. */
  readonly params: readonly Expr[];
}

export const isLawName = (name: string): boolean => LAW_NAMES.includes(name);

/** Build `Name(params…)` after checking the parameter count (defaults are filled in). */
export function makeLaw(name: string, args: readonly Expr[]): Call {
  return lawExpr(readLaw(call(name, args)));
}

export const lawExpr = (v: LawValue): Call => call(v.name, v.params) as Call;

/** Read a distribution value; throws a `DistributionSpecError` for anything else. */
export function readLaw(e: Expr): LawValue {
  if (e.kind !== 'call' || !isLawName(e.fn)) {
    throw new DistributionSpecError(`expected a distribution such as Normal(0, 1), got ${text(e)}; known: ${LAW_NAMES.join(', ')}`);
  }
  if (e.fn === 'Categorical') {
    const p = e.args[0];
    if (e.args.length !== 1 || p?.kind !== 'list' || p.items.length === 0 || p.items.some((x) => x.kind === 'list')) {
      throw new DistributionSpecError('Categorical takes one list of probabilities, such as Categorical([1/2, 1/4, 1/4])');
    }
    return { name: e.fn, spec: undefined, params: e.args };
  }
  const spec = LAWS[e.fn]!;
  const n = spec.params.length;
  const min = n - spec.defaults.length;
  if (e.args.length < min || e.args.length > n) {
    throw new DistributionSpecError(`${e.fn} takes ${min === n ? n : `${min} to ${n}`} parameters (${spec.params.join(', ')}), got ${e.args.length}`);
  }
  const params = [...e.args];
  for (let k = params.length; k < n; k++) params.push(spec.defaults[k - min]!);
  for (const p of params) {
    if (p.kind === 'list' || p.kind === 'rel') throw new DistributionSpecError(`${e.fn}: parameters must be numbers or symbols, got ${text(p)}`);
  }
  return { name: e.fn, spec, params };
}

/** True when every parameter has a numeric value (no free symbols). */
export const isNumericLaw = (v: LawValue): boolean => v.params.every((p) => freeSymbols(p).length === 0);

const numberOf = (e: Expr, what: string): number => {
  if (isNumber(e)) return e.kind === 'num' ? Number(e.value[0]) / Number(e.value[1]) : e.value;
  const free = freeSymbols(e);
  if (free.length > 0) throw new DistributionSpecError(`${what} needs numeric parameters, but '${free[0]}' has no value`);
  return evaluate(e);
};

/** The numeric distribution object (its constructor checks the parameter domains). */
export function numericLaw(v: LawValue): Distribution {
  if (v.name === 'Categorical') {
    const p = v.params[0]!;
    const probs = (p.kind === 'list' ? p.items : [p]).map((x, i) => numberOf(x, `Categorical probability ${i + 1}`));
    return distributions.Categorical!(probs);
  }
  const factory = distributions[v.spec!.numeric]!;
  return factory(...v.params.map((x, i) => numberOf(x, `${v.name} parameter ${v.spec!.params[i]}`)));
}
