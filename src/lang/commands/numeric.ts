/**
 * Numeric commands of the language: roots, integrals, minimisation, ODEs and plots. Each compiles its
 * expression to a kernel (src/numeric/compile) and hands the kernel to a method of src/numeric/methods,
 * so the methods run on plain, fast JavaScript functions.
 */
import { type Expr, type Sym, float, list, rel, sub, sym } from '../../ast/expr.js';
import { newtonSystem } from '../../solve/newton-system.js';
import { text } from '../../render/text.js';
import { evaluate } from '../../eval/evaluate.js';
import { EvalError } from '../../eval/errors.js';
import { diff } from '../../diff/index.js';
import { CompileError, compile, compileGrad } from '../../numeric/compile/index.js';
import {
  NumericError, adam, bfgs, brent, gradientDescent, nelderMead, nesterov, heavyBall, newton, nintegrate, solveOde,
  type OptimizeResult,
} from '../../numeric/methods/index.js';
import { brailleplot, sampleFunction } from '../../numeric/plot/index.js';
import { figureRaster, figureSvg, layoutFigure } from '../figure.js';
import { defineCommand } from '../registry.js';
import { type Session, substitute } from '../session.js';

/** A bound variable, renamed so that a session value of the same name cannot capture it. */
const hidden = (name: string): Sym => sym(`\u0000bound:${name}`);

function variable(e: Expr, what: string): Sym {
  if (e.kind !== 'sym') throw new EvalError(`${what} must be a variable name, got ${text(e)}`);
  return e;
}

function variables(e: Expr, what: string): Sym[] {
  return e.kind === 'list' ? e.items.map((x) => variable(x, what)) : [variable(e, what)];
}

/** The body with its bound variables hidden, then evaluated in the session (user functions, values). */
function bind(session: Session, body: Expr, vars: readonly Sym[]): { expr: Expr; names: string[] } {
  const hide = new Map<Expr, Expr>(vars.map((v) => [v, hidden(v.name)]));
  let expr = session.evaluate(substitute(body, hide));
  if (expr.kind === 'rel' && expr.op === '=') expr = sub(expr.lhs, expr.rhs);
  return { expr, names: vars.map((v) => hidden(v.name).name) };
}

function numberArg(session: Session, e: Expr, what: string, allowInfinite = false): number {
  let v: number;
  try {
    v = evaluate(session.evaluate(e));
  } catch (err) {
    throw new EvalError(`${what} must be a number: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v))) throw new EvalError(`${what} must be a finite number, got ${v}`);
  return v;
}

function numberList(session: Session, e: Expr, n: number, what: string): number[] {
  const items = e.kind === 'list' ? e.items : [e];
  if (items.length !== n) throw new EvalError(`${what} needs ${n} coordinate(s), one per variable, got ${items.length}`);
  return items.map((x, k) => numberArg(session, x, `${what}[${k + 1}]`));
}

/**
 * f′ as a kernel: the symbolic derivative (diff) compiled, or, where diff leaves it unevaluated (gamma needs
 * digamma), the reverse-mode gradient kernel.
 */
function derivative(f: Expr, name: string): (t: number) => number {
  try {
    return compile(diff(f, sym(name)), [name]);
  } catch (err) {
    if (!(err instanceof CompileError)) throw err;
  }
  const g = compileGrad(f, [name]);
  const pt = new Float64Array(1);
  const grad = new Float64Array(1);
  return (t) => {
    pt[0] = t;
    g.objective(pt, grad);
    return grad[0]!;
  };
}

defineCommand({
  name: 'nsolve', usage: 'nsolve(f, x, x0) or nsolve([f, g], [x, y], [x0, y0])', arity: [3, 3], hold: true,
  doc: 'a root of f (or of an equation lhs = rhs) near x0, by Newton’s method with the compiled derivative; for a list of equations, Newton’s method with the symbolic Jacobian from the starting point, reporting convergence',
  run: ([f, x, x0], session) => {
    if (f!.kind === 'list') {
      const vs = variables(x!, 'the unknowns of nsolve');
      const eqs = f!.items.map((e) => bind(session, e, vs).expr);
      const start = session.evaluate(x0!);
      if (start.kind !== 'list') throw new EvalError('nsolve([f, g], [x, y], [x0, y0]): the starting point is a list of numbers');
      const r = newtonSystem(eqs, vs.map((v) => hidden(v.name)), start.items.map((e, i) => numberArg(session, e, `the starting value of ${vs[i]?.name ?? 'an unknown'}`)));
      if (!r.converged) {
        throw new NumericError(`Newton's method did not converge from this starting point (after ${r.steps} step${r.steps === 1 ? '' : 's'} max |f| = ${r.residual.toExponential(1)}); try another starting point`);
      }
      return { kind: 'text' as const, text: `${text(list(vs.map((s, i) => rel('=', s, float(r.root[i]!)))))}   (Newton's method with the symbolic Jacobian: converged in ${r.steps} step${r.steps === 1 ? '' : 's'}, max |f| = ${r.residual === 0 ? '0' : r.residual.toExponential(1)})` };
    }
    const v = variable(x!, 'the second argument of nsolve');
    const { expr, names } = bind(session, f!, [v]);
    const k = compile(expr, names);
    const start = numberArg(session, x0!, 'x0');
    const r = newton(k, derivative(expr, names[0]!), start);
    if (!r.converged) {
      throw new NumericError(`Newton's method from ${v.name} = ${start} did not converge (stopped at ${r.root}, f = ${r.fx}); `
        + 'try another starting point, or findroot(f, x, a, b) with a bracket');
    }
    return float(r.root);
  },
});

defineCommand({
  name: 'findroot', usage: 'findroot(f, x, a, b)', arity: [4, 4], hold: true,
  doc: 'a root of f in [a, b], where f(a) and f(b) differ in sign, by Brent’s method',
  run: ([f, x, a, b], session) => {
    const v = variable(x!, 'the second argument of findroot');
    const { expr, names } = bind(session, f!, [v]);
    const r = brent(compile(expr, names), numberArg(session, a!, 'a'), numberArg(session, b!, 'b'));
    if (!r.converged) throw new NumericError(`Brent's method did not converge in ${r.iterations} iterations (best ${r.root})`);
    return float(r.root);
  },
});

defineCommand({
  name: 'nintegrate', usage: 'nintegrate(f, x, a, b)', arity: [4, 4], hold: true,
  doc: 'the integral of f over [a, b] (either end may be ±inf) as [value, error estimate]',
  run: ([f, x, a, b], session) => {
    const v = variable(x!, 'the second argument of nintegrate');
    const { expr, names } = bind(session, f!, [v]);
    const r = nintegrate(compile(expr, names), numberArg(session, a!, 'a', true), numberArg(session, b!, 'b', true));
    if (!r.converged) throw new NumericError(`the integral did not converge (best ${r.value} ± ${r.error})`);
    return list([float(r.value), float(r.error)]);
  },
});

type Method = (session: Session, f: Expr, names: string[], x0: number[]) => OptimizeResult;

const gradient = (run: (fg: ReturnType<typeof compileGrad>['objective'], x0: number[]) => OptimizeResult): Method =>
  (_s, f, names, x0) => run(compileGrad(f, names).objective, x0);

const METHODS: Readonly<Record<string, Method>> = Object.assign(Object.create(null) as Record<string, Method>, {
  bfgs: gradient((fg, x0) => bfgs(fg, x0)),
  gd: gradient((fg, x0) => gradientDescent(fg, x0)),
  momentum: gradient((fg, x0) => heavyBall(fg, x0)),
  nesterov: gradient((fg, x0) => nesterov(fg, x0)),
  adam: gradient((fg, x0) => adam(fg, x0)),
  neldermead: ((_s, f, names, x0) => {
    const k = compile(f, names);
    return nelderMead((x) => k(...x), x0);
  }) as Method,
});

function runMinimize(args: readonly Expr[], session: Session): OptimizeResult {
  const [f, xs, x0, m] = args;
  const vars = variables(xs!, 'the variables of minimize');
  const method = m === undefined ? 'bfgs' : m.kind === 'sym' ? m.name.toLowerCase() : '';
  const run = METHODS[method];
  if (run === undefined) {
    throw new EvalError(`unknown method ${m === undefined ? '' : text(m)}: use one of ${Object.keys(METHODS).join(', ')}`);
  }
  const { expr, names } = bind(session, f!, vars);
  return run(session, expr, names, numberList(session, x0!, vars.length, 'the starting point'));
}

defineCommand({
  name: 'minimize', usage: 'minimize(f, [x, y], [x0, y0], method?)', arity: [3, 4], hold: true,
  doc: 'a local minimum of f from a starting point, as [point, value]; method: bfgs (default), gd, momentum, nesterov, adam, neldermead',
  run: (args, session) => {
    const r = runMinimize(args, session);
    if (!r.converged) throw new NumericError(`minimize stopped without converging (${r.reason}) at [${[...r.x].join(', ')}], f = ${r.value}`);
    return list([list([...r.x].map((t) => float(t))), float(r.value)]);
  },
});

defineCommand({
  name: 'minpath', usage: 'minpath(f, [x, y], [x0, y0], method?)', arity: [3, 4], hold: true,
  doc: 'the iterates of minimize as a list of [x, y, …, f] rows (the path the method took)',
  run: (args, session) => list(runMinimize(args, session).path.map((p) => list([...[...p.x].map((t) => float(t)), float(p.value)]))),
});

defineCommand({
  name: 'odesolve', usage: 'odesolve(f, y, t, y0, t0, t1)', arity: [6, 6], hold: true,
  doc: 'y(t1) for y′ = f(t, y), y(t0) = y0, by adaptive Dormand–Prince RK45; y, f and y0 may be lists (systems)',
  run: ([f, y, t, y0, t0, t1], session) => {
    const ys = variables(y!, 'the unknowns of odesolve');
    const tv = variable(t!, 'the time variable of odesolve');
    const rhs = f!.kind === 'list' ? f!.items : [f!];
    if (rhs.length !== ys.length) throw new EvalError(`odesolve needs one right-hand side per unknown: ${ys.length} unknowns, ${rhs.length} right-hand sides`);
    const bound = rhs.map((r) => bind(session, r, [tv, ...ys]));
    const k = compile(bound.map((b) => b.expr), bound[0]!.names);
    const start = numberList(session, y0!, ys.length, 'y0');
    const args = new Float64Array(ys.length + 1);
    const out = new Float64Array(ys.length);
    const r = solveOde((time, yv, dydt) => {
      args[0] = time;
      args.set(yv, 1);
      k.into(out, ...args);
      dydt.set(out);
    }, [numberArg(session, t0!, 't0'), numberArg(session, t1!, 't1')], start, { rtol: 1e-10, atol: 1e-12 });
    if (!r.success) throw new NumericError(`odesolve: ${r.message}`);
    const last = r.y[r.y.length - 1]!;
    return y!.kind === 'list' ? list([...last].map((t) => float(t))) : float(last[0]!);
  },
});

/** The file name of `file = "f.svg"`, or undefined when the argument is not that option. */
function fileOption(e: Expr | undefined): string | undefined {
  if (e === undefined) return undefined;
  if (e.kind === 'rel' && e.op === '=' && e.lhs === sym('file') && e.rhs.kind === 'sym' && e.rhs.name.startsWith('"')) {
    const name = e.rhs.name.slice(1, -1);
    if (!/\.(svg|png)$/i.test(name)) throw new EvalError(`plot writes .svg or .png files, got "${name}"`);
    return name;
  }
  throw new EvalError(`plot(f, x, a, b, file = "f.svg"): the fifth argument is the file option, got ${text(e)}`);
}

/** Numbers each curve at the right edge of a terminal plot, on the row where it ends (a legend names them). */
function labelCurves(plot: string, fns: readonly ((x: number) => number)[], labels: readonly string[], lo: number, hi: number, yRange: [number, number], rows: number, titled: boolean): string {
  const lines = plot.split('\n');
  const first = titled ? 1 : 0;
  fns.forEach((f, k) => {
    // The last finite value, searched from the right end inwards.
    for (let i = 0; i <= 100; i++) {
      const y = f(hi - ((hi - lo) * i) / 200);
      if (!Number.isFinite(y) || y < yRange[0] || y > yRange[1]) continue;
      const r = Math.min(rows - 1, Math.max(0, Math.floor(((yRange[1] - y) / (yRange[1] - yRange[0])) * rows)));
      const at = first + r;
      lines[at] = `${lines[at]} ${k + 1}`;
      break;
    }
  });
  lines.push(`   ${labels.map((l, k) => `${k + 1}: ${l}`).join('   ')}`);
  return lines.join('\n');
}

defineCommand({
  name: 'plot', usage: 'plot(f, x, a, b, file = "f.svg")', arity: [4, 5], hold: true,
  doc: 'a terminal plot (braille dots) of f, or of a list of functions, for x from a to b; with file = "f.svg" or "f.png", a picture with axes, ticks, legend and colours',
  run: ([f, x, a, b, opt], session) => {
    const v = variable(x!, 'the second argument of plot');
    const file = fileOption(opt);
    const fs = f!.kind === 'list' ? f!.items : [f!];
    const fns = fs.map((fi) => {
      const { expr, names } = bind(session, fi, [v]);
      return compile(expr, names);
    });
    const lo = numberArg(session, a!, 'a');
    const hi = numberArg(session, b!, 'b');
    if (!(lo < hi)) throw new EvalError(`plot needs a < b, got a = ${lo} and b = ${hi}`);
    const labels = fs.map((fi) => text(fi));
    const title = labels.join(', ');
    if (file !== undefined) {
      const fig = layoutFigure(fns, labels, lo, hi, title);
      const picture = /\.svg$/i.test(file) ? { kind: 'svg' as const, text: figureSvg(fig) } : { kind: 'png' as const, raster: figureRaster(fig) };
      session.writeFile(file, picture);
      return { kind: 'text', text: `wrote ${file}: ${fns.length} curve${fns.length === 1 ? '' : 's'} (${title}) for ${v.name} from ${lo} to ${hi}` };
    }
    if (fns.length === 1) return { kind: 'text', text: brailleplot(fns[0]!, { xRange: [lo, hi], title }) };
    // Several curves share one range, so each can be numbered where it ends.
    let yLo = Infinity, yHi = -Infinity;
    for (const fn of fns) {
      const s = sampleFunction(fn, lo, hi, { width: 144, height: 80 });
      yLo = Math.min(yLo, s.yRange[0]);
      yHi = Math.max(yHi, s.yRange[1]);
    }
    const yRange: [number, number] = yLo < yHi ? [yLo, yHi] : [yLo - 1, yLo + 1];
    const plot = brailleplot(fns, { xRange: [lo, hi], yRange, title });
    return { kind: 'text', text: labelCurves(plot, fns, labels, lo, hi, yRange, 20, true) };
  },
});
