/**
 * How a ray meets a polynomial surface, as steps in English or Portuguese with their LaTeX: substitute
 * the ray, expand, read off the polynomial in t, and take the normal as the gradient.
 */
import { type Expr } from '../ast/expr.js';
import { latex } from '../render/latex.js';
import { text } from '../render/text.js';
import { surfaceAlgebra } from './implicit.js';

const LABELS = {
  en: {
    surface: 'The surface',
    ray: 'A ray with origin o and direction d',
    substitute: 'Substitute the ray into f',
    poly: 'Expand and collect powers of t: a polynomial of degree',
    roots: 'The hit is its smallest root t > 0',
    rootsHow: 'isolated between the roots of its derivatives, then Newton inside the bracket',
    normal: 'The normal is the gradient of f at the hit point',
    notPoly: 'f is not a polynomial: the ray is sphere-traced with a Lipschitz bound on |∇f|',
  },
  pt: {
    surface: 'A superfície',
    ray: 'Um raio com origem o e direção d',
    substitute: 'Substituir o raio em f',
    poly: 'Expandir e agrupar as potências de t: um polinômio de grau',
    roots: 'O ponto de impacto é a menor raiz t > 0',
    rootsHow: 'isolada entre as raízes das suas derivadas, e depois Newton dentro do intervalo',
    normal: 'A normal é o gradiente de f no ponto de impacto',
    notPoly: 'f não é um polinômio: o raio avança por sphere tracing com uma cota de Lipschitz para |∇f|',
  },
} as const;

export function explainSurface(source: string, lang: 'en' | 'pt' = 'en'): { text: string; latex: string } {
  const L = LABELS[lang];
  const alg = surfaceAlgebra(source);
  const lines: string[] = [];
  const tex: string[] = [];
  const step = (label: string, plain: string, math: string) => {
    lines.push(`${label}:`, `  ${plain}`);
    tex.push(`\\text{${label}:} & ${math}`);
  };
  step(L.surface, `f(x, y, z) = ${text(alg.f)} = 0`, `f(x,y,z) = ${latex(alg.f)} = 0`);
  step(L.ray, 'x = ox + t dx,  y = oy + t dy,  z = oz + t dz', 'x = o_x + t\\,d_x,\\; y = o_y + t\\,d_y,\\; z = o_z + t\\,d_z');
  if (alg.rayCoefficients === undefined) {
    lines.push(`${L.notPoly}.`);
    tex.push(`\\text{${L.notPoly}.}`);
  } else {
    const cs = alg.rayCoefficients;
    const n = cs.length - 1;
    const terms = cs.map((c, k) => ({ c, k })).reverse().filter(({ c }) => !(c.kind === 'num' && c.value[0] === 0n));
    const power = (k: number) => (k === 0 ? '' : k === 1 ? ' t' : ` t^${k}`);
    step(
      `${L.poly} ${n}`,
      terms.map(({ c, k }) => `(${text(c)})${power(k)}`).join(' + ') + ' = 0',
      terms.map(({ c, k }) => `\\left(${latex(c)}\\right)${k === 0 ? '' : k === 1 ? 't' : `t^{${k}}`}`).join(' + ') + ' = 0',
    );
    lines.push(`${L.roots} (${L.rootsHow}).`);
    tex.push(`\\text{${L.roots} (${L.rootsHow}).}`);
  }
  const g = alg.gradient;
  step(L.normal, `∇f = (${g.map((e: Expr) => text(e)).join(', ')})`, `\\nabla f = \\left(${g.map((e: Expr) => latex(e)).join(',\\; ')}\\right)`);
  return { text: lines.join('\n'), latex: `\\begin{aligned}${tex.join(' \\\\ ')}\\end{aligned}` };
}
