/**
 * Derivations for people: aligned LaTeX (KaTeX-renderable) and plain text, one line per step with the rule's
 * label in English or Portuguese. In LaTeX the subterm a step produced is coloured, and unevaluated
 * derivatives `D(f, x)` are written d/dx (∂/∂x when f has other variables).
 */
import { type Expr, children, sym, withChildren } from '../ast/expr.js';
import { freeSymbols } from '../eval/n.js';
import type { Derivation, Step } from '../rewrite/types.js';
import { locate } from '../rewrite/whole.js';
import { label, WORDS, type Lang } from './labels.js';
import { latex, symbolTex } from './latex.js';
import { text } from './text.js';

export interface RenderOptions {
  readonly lang?: Lang;
  /** Colour of the rewritten subterm (any colour KaTeX's \textcolor accepts). */
  readonly color?: string;
}

const MARK = 'lousaMark';
const isD = (e: Expr): e is Expr & { kind: 'call'; args: readonly Expr[] } => e.kind === 'call' && e.fn === 'D' && e.args.length === 2;

function escapeText(s: string): string {
  return s.replace(/[\\{}#$%&_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

function dTex(f: Expr, x: Expr): string {
  const v = latex(x);
  const partial = freeSymbols(f).some((s) => x.kind !== 'sym' || s !== x.name);
  return partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v.length > 1 ? ' ' : ''}${v}}`;
}

/** LaTeX of `e` with `hl` coloured and every `D(f, x)` written as a derivative. */
export function derivationTex(e: Expr, hl: Expr | undefined, color: string): string {
  const marks: { node: Expr; parent: Expr | undefined }[] = [];
  const index = new Map<Expr, number>();
  const visit = (x: Expr, parent: Expr | undefined): void => {
    if (index.has(x)) return;
    if (x === hl || isD(x)) {
      index.set(x, marks.length);
      marks.push({ node: x, parent });
      return;
    }
    for (const c of children(x)) visit(c, x);
  };
  visit(e, undefined);
  if (marks.length === 0) return latex(e);
  const memo = new Map<Expr, Expr>();
  const replace = (x: Expr): Expr => {
    const k = index.get(x);
    if (k !== undefined) return sym(`${MARK}${k}`);
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    const kids = children(x);
    const out = kids.length === 0 ? x : withChildren(x, kids.map(replace));
    memo.set(x, out);
    return out;
  };
  let s = latex(replace(e));
  marks.forEach(({ node, parent }, k) => {
    let t: string;
    if (node === hl) {
      let inner = derivationTex(node, undefined, color);
      const loose = node.kind === 'add' || (node.kind === 'mul' && parent?.kind === 'pow');
      if (loose && parent !== undefined && parent.kind !== 'add' && parent.kind !== 'call' && parent.kind !== 'list') inner = `\\left(${inner}\\right)`;
      t = `\\textcolor{${color}}{${inner}}`;
    } else {
      const [f, x] = (node as { args: readonly Expr[] }).args as [Expr, Expr];
      t = `${dTex(f, x)}\\left(${derivationTex(f, hl, color)}\\right)`;
    }
    s = s.split(`${symbolTex(`${MARK}${k}`)}`).join(t);
  });
  return s;
}

/** The subterm to colour on the line a step produced: its result, when it is a visible part of that line. */
function highlightOf(s: Step, whole: Expr): Expr | undefined {
  if (s.after.height < 2 || s.after === whole) return undefined;
  return locate(whole, s.after) === undefined ? undefined : s.after;
}

/** A step's annotation: its label, and for a chain rule the inner function and the table entry used. */
function annotation(s: Step, lang: Lang, tex: boolean): string {
  const main = label(s.rule, lang);
  const sub = s.substeps[0];
  if (sub === undefined) return tex ? `\\text{${escapeText(main)}}` : main;
  const name = label(sub.rule, lang);
  const u = sub.bindings.get('u');
  const v = sub.before.kind === 'call' && isD(sub.before) ? sub.before.args[1]! : sym('u');
  if (!tex) return `${main}, ${name}: ${u === undefined ? '' : `${text(v)} = ${text(u)}, `}${text(sub.before)} = ${text(sub.after)}`;
  const eq = `${derivationTex(sub.before, undefined, '')} = ${latex(sub.after)}`;
  return `\\text{${escapeText(`${main}, ${name}`)}: }${u === undefined ? '' : `${latex(v)} = ${latex(u)},\\ `}${eq}`;
}

/** Aligned LaTeX of a derivation, e.g. for `katex.renderToString(s, { throwOnError: true })`. */
export function renderDerivation(d: Derivation, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'en';
  const color = options.color ?? '#c2410c';
  const lines: string[] = [];
  const first = derivationTex(d.input, undefined, color);
  if (d.steps.length === 0) {
    lines.push(`${first} &= ${derivationTex(d.result, undefined, color)}`);
  }
  d.steps.forEach((s, k) => {
    const whole = s.whole ?? s.after;
    const lhs = k === 0 ? first : '';
    lines.push(`${lhs} &= ${derivationTex(whole, highlightOf(s, whole), color)} && ${annotation(s, lang, true)}`);
  });
  if (d.stopped !== 'fixpoint') lines.push(`&\\phantom{=}\\ \\text{(${escapeText(WORDS['stopped']![lang])}: ${escapeText(WORDS[d.stopped]![lang])})}`);
  if (d.check !== undefined) {
    lines.push(`&\\phantom{=}\\ \\text{${escapeText(label(d.check.rule, lang))}: } ${derivationTex(d.check.before, undefined, '')} = ${latex(d.check.after)}`);
  }
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}

/** The derivation as plain text for the terminal: one line per step, with its label in brackets. */
export function renderDerivationText(d: Derivation, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'en';
  const rows: [string, string][] = [[`  ${text(d.input)}`, '']];
  if (d.steps.length === 0) rows.push([`= ${text(d.result)}`, '']);
  for (const s of d.steps) rows.push([`= ${text(s.whole ?? s.after)}`, `[${annotation(s, lang, false)}]`]);
  const width = Math.min(72, Math.max(...rows.map(([l]) => l.length)));
  const out = rows.map(([l, r]) => (r === '' ? l : `${l.padEnd(width)}   ${r}`));
  if (d.stopped !== 'fixpoint') out.push(`(${WORDS['stopped']![lang]}: ${WORDS[d.stopped]![lang]})`);
  if (d.check !== undefined) out.push(`  ${label(d.check.rule, lang)}: ${text(d.check.before)} = ${text(d.check.after)}`);
  return out.join('\n');
}
