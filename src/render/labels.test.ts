import { describe, it, expect } from 'vitest';
import { parse } from '../parse/parse.js';
import { explain } from '../rewrite/explain.js';
import { DIFF_RULES } from '../diff/index.js';
import '../simplify/index.js';
import { LOG_EXPAND_RULES, SIMPLIFY_RULES, TRIG_LINEARIZE, TRIG_TO_SINCOS } from '../simplify/rules.js';
import { hasLabel, label } from './labels.js';

describe('rule labels', () => {
  const ids = [...DIFF_RULES, ...SIMPLIFY_RULES, ...LOG_EXPAND_RULES, ...TRIG_TO_SINCOS, ...TRIG_LINEARIZE].map((r) => r.name);

  it('every differentiation and simplification rule has an English and a Portuguese label', () => {
    const missing = ids.filter((id) => !hasLabel(id));
    expect(missing).toEqual([]);
    for (const id of ids) {
      expect(label(id, 'en')).not.toBe(id);
      expect(label(id, 'pt').length).toBeGreaterThan(0);
    }
  });

  it('the strategies simplify reports in its derivations are labelled', () => {
    const inputs = [
      'sin(x)^2 + cos(x)^2', '(x^2 - 1)/(x - 1)', 'exp(log(x))', '(x + 1)^2 - x^2', 'tan(x) cos(x)',
      '1/x + 1/(x + 1)', 'sin(2 x) - 2 sin(x) cos(x)', '(x^3 - x)/(x^2 + x)', 'sec(x)^2 - tan(x)^2',
    ];
    const seen = new Set<string>();
    for (const s of inputs) for (const st of explain('simplify', parse(s)).steps) seen.add(st.rule);
    expect(seen.size).toBeGreaterThan(0);
    for (const id of seen) expect(hasLabel(id), id).toBe(true);
  });

  it('an id with no label reads as itself', () => {
    expect(label('no/such-rule', 'en')).toBe('no/such-rule');
  });
});
