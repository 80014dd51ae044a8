/**
 * `explain('integrate', f, x)` and `explain('integrate', f, x, a, b)`: the derivation is read off the record the
 * search kept (types.ts `Found`), one step per method: the integral is replaced by what the method turned it into,
 * then each sub-integral in turn, then substitutions are undone and the result tidied.
 */
import { type Expr, type Sym, call, sym, mul } from '../ast/expr.js';
import { registerExplainer } from '../rewrite/explain.js';
import { replaceAll, locate } from '../rewrite/whole.js';
import type { Derivation, Step } from '../rewrite/types.js';
import { searchIntegral } from './core.js';
import { checkVariable } from './integrate.js';
import { integrateDefinite } from './definite.js';
import type { Found } from './types.js';
import './labels.js';
import { checkSymbolically } from './verify.js';
import { registerLabels } from '../render/labels.js';

registerLabels({
  'int/check-symbolic': { en: 'check (simplified symbolically)', pt: 'verificação (simplificada simbolicamente)' },
  'int/check-numeric': { en: 'check (equal at sample points)', pt: 'verificação (igual em pontos de amostra)' },
});

/** The closing step every antiderivative earns: d/dx F = f, symbolically where cheap, else at sample points. */
function checkStep(F: Expr, f: Expr, x: Sym): Step {
  const symbolic = checkSymbolically(F, f, x) === true;
  const before = call('diff', [F, x]);
  return { rule: symbolic ? 'int/check-symbolic' : 'int/check-numeric', at: [], before, after: f, bindings: new Map(), substeps: [], whole: f };
}

function letStep(name: 'du' | 'dv', u: Expr, d: Expr): Step {
  return { rule: name === 'du' ? 'int/let-u' : 'int/choose-u-dv', at: [], before: sym(name), after: mul(d, sym('dx')), bindings: new Map([['u', u]]), substeps: [] };
}

function flatten(F: Found, whole: Expr, steps: Step[]): Expr {
  const at = locate(whole, F.before) ?? [];
  const sub: Step[] = [];
  const u = F.bindings.get('u');
  if (u !== undefined && F.bindings.has('dv')) sub.push(letStep('dv', u, F.bindings.get('dv')!));
  else if (u !== undefined && F.bindings.has('du')) {
    const du = F.bindings.get('du')!;
    sub.push({ rule: 'int/let-u', at: [], before: sym('du'), after: du.kind === 'mul' && du.args.includes(sym('dx')) ? du : mul(du, sym('dx')), bindings: new Map([['u', u]]), substeps: [] });
  }
  let w = replaceAll(whole, F.before, F.mid);
  steps.push({ rule: F.rule, at, before: F.before, after: F.mid, bindings: F.bindings, substeps: sub, whole: w });
  for (const k of F.kids) if (locate(w, k.before) !== undefined) w = flatten(k, w, steps);
  if (F.back !== undefined && F.back !== F.value && locate(w, F.back) !== undefined) {
    const next = replaceAll(w, F.back, F.value);
    steps.push({ rule: 'int/back-substitute', at: locate(w, F.back) ?? [], before: F.back, after: F.value, bindings: F.bindings, substeps: [], whole: next });
    w = next;
  }
  return w;
}

export function explainIntegrate(...args: Expr[]): Derivation {
  const [f, xArg, a, b] = args;
  if (f === undefined || xArg === undefined) throw new Error('explain(\'integrate\', f, x) needs an integrand and a variable');
  const x: Sym = checkVariable(xArg);
  const input = call('integrate', args);
  if (a !== undefined && b !== undefined) {
    const r = integrateDefinite(f, x, a, b);
    const steps: Step[] = [];
    if (r.found !== undefined && r.antiderivative !== undefined) {
      const w = flatten(r.found, call('integrate', [f, x]), steps);
      if (w !== r.antiderivative) steps.push({ rule: 'int/simplify', at: [], before: w, after: r.antiderivative, bindings: new Map(), substeps: [], whole: r.antiderivative });
    }
    steps.push({ rule: `int/definite-${r.path}`, at: [], before: input, after: r.value, bindings: new Map(), substeps: [], whole: r.value });
    return { op: 'integrate', input, result: r.value, steps, stopped: 'fixpoint' };
  }
  const out = searchIntegral(f, x);
  if (out.found === undefined || out.value === undefined) {
    return { op: 'integrate', input, result: input, steps: [], stopped: out.stopped };
  }
  const steps: Step[] = [];
  const w = flatten(out.found, input, steps);
  if (w !== out.value) steps.push({ rule: 'int/simplify', at: [], before: w, after: out.value, bindings: new Map(), substeps: [], whole: out.value });
  return { op: 'integrate', input, result: out.value, steps, stopped: 'fixpoint', check: checkStep(out.value, f, x) };
}

registerExplainer('integrate', explainIntegrate);
