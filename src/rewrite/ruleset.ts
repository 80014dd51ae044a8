/**
 * A rule list indexed by the head of its patterns, so a subject is tried only against rules that could match
 * it: the key is the node's kind (or `call:fn`) and that of its first child (a shallow discrimination tree,
 * McCune, 1992, "Experiments with discrimination-tree indexing and path indexing for term retrieval").
 * Rules keep their priority: the candidate list is in the order the rules were given.
 */
import { type Expr, children } from '../ast/expr.js';
import { isPatternVar, type Rule } from './rule.js';

const ANY = '*';
const NONE = '-';

const headOf = (e: Expr): string => (e.kind === 'call' ? `call:${e.fn}` : e.kind);

function patternKey(p: Expr): string {
  if (isPatternVar(p)) return ANY;
  const kids = children(p);
  if (kids.length === 0) return `${headOf(p)}|${NONE}`;
  if (p.kind === 'add' || p.kind === 'mul') return `${headOf(p)}|${ANY}`; // AC: argument order is not aligned
  const first = kids[0]!;
  return `${headOf(p)}|${isPatternVar(first) ? ANY : headOf(first)}`;
}

export class RuleSet {
  readonly rules: readonly Rule[];
  private readonly buckets = new Map<string, number[]>();
  private readonly cache = new Map<string, readonly Rule[]>();

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    rules.forEach((r, i) => {
      const key = patternKey(r.lhs);
      let list = this.buckets.get(key);
      if (list === undefined) this.buckets.set(key, (list = []));
      list.push(i);
    });
  }

  /** The rules whose pattern could match `s`, in priority order. */
  candidates(s: Expr): readonly Rule[] {
    const head = headOf(s);
    const kids = children(s);
    const key = `${head}|${kids.length === 0 ? NONE : headOf(kids[0]!)}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const idx = [
        ...(this.buckets.get(key) ?? []),
        ...(kids.length === 0 ? [] : (this.buckets.get(`${head}|${ANY}`) ?? [])),
        ...(this.buckets.get(ANY) ?? []),
      ];
      idx.sort((a, b) => a - b);
      hit = idx.map((i) => this.rules[i]!);
      this.cache.set(key, hit);
    }
    return hit;
  }
}

const sets = new WeakMap<readonly Rule[], RuleSet>();

/** The indexed form of a rule list (built once per list). */
export function ruleSet(rules: readonly Rule[] | RuleSet): RuleSet {
  if (rules instanceof RuleSet) return rules;
  let s = sets.get(rules);
  if (s === undefined) sets.set(rules, (s = new RuleSet(rules)));
  return s;
}
