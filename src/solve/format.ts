/**
 * How solutions are printed. A plain list when every value is unconditional: `[-2, 2]`. Otherwise the list is
 * followed by what it needs, in parentheses:
 * - periodic: `[pi/6, 5pi/6]   (in one period; every solution: pi/6 + 2k pi, 5pi/6 + 2k pi, k an integer)`
 * - conditions: `[log(p/(1 - p))]   (when 0 < p < 1)`; different conditions are written after each value
 * - numeric: `[0.739085133215161]   (numeric: …)`
 * - a family too large to list: `exp(2k i pi/1000) for k = 0, 1, …, 999   (1000 solutions)`.
 */
import { list, mul, ZERO, type Expr } from '../ast/expr.js';
import { text } from '../render/text.js';
import type { Root, Solutions } from './types.js';

export type Printed = { readonly kind: 'expr'; readonly expr: Expr } | { readonly kind: 'text'; readonly text: string };

export function formatSolutions(s: Solutions): Printed {
  if (s.family !== undefined) {
    const k = s.k.name;
    return { kind: 'text', text: `${text(s.family.value)} for ${k} = 0, 1, …, ${s.family.count - 1}   (${s.family.count} solutions)` };
  }
  const notes: string[] = [];
  const shared = s.roots.length > 0 && s.roots.every((r) => r.conditions.join() === s.roots[0]!.conditions.join()) ? s.roots[0]!.conditions : undefined;
  const items = s.roots.map((r) => (shared === undefined && r.conditions.length > 0 ? `${text(r.value)} when ${r.conditions.join(' and ')}` : text(r.value)));
  if (shared !== undefined && shared.length > 0) notes.push(`when ${shared.join(' and ')}`);
  const general = s.roots.filter((r) => r.general !== undefined);
  const family = (r: Root): string => {
    if (r.period === undefined) return text(r.general!);
    const step = text(mul(r.period, s.k));
    return r.value === ZERO ? step : `${text(r.value)} + ${step}`;
  };
  if (general.length > 0) notes.push(`in one period; every solution: ${general.map(family).join(', ')}, ${s.k.name} an integer`);
  if (s.note !== undefined) notes.push(s.note);
  if (notes.length === 0) return { kind: 'expr', expr: list([...s.values]) };
  return { kind: 'text', text: `[${items.join(', ')}]   (${notes.join('; ')})` };
}
