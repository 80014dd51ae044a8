/** The page's state in the URL fragment: any lines and slider values survive the round trip through a link. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf, stateFromHash } from '../../playground/src/ui/share.js';

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);

describe('page state in the URL fragment', () => {
  it('round-trips any lines and slider values', () => {
    const state = fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((l) => l.trim() !== ''), { minLength: 1, maxLength: 12 })
      .chain((lines) => fc.record({
        lines: fc.constant(lines),
        params: fc.array(fc.tuple(fc.nat(lines.length - 1), fc.dictionary(name, fc.double({ noNaN: true, noDefaultInfinity: true }), { minKeys: 1, maxKeys: 3 })), { maxLength: 3 }),
      }));
    fc.assert(fc.property(state, ({ lines, params }) => {
      const map = new Map(params.map(([k, v]) => [k, { ...v }]));
      const back = stateFromHash(hashOf({ lines, params: map }));
      expect(back.lines).toEqual(lines);
      expect([...back.params].map(([k, v]) => [k, { ...v }]).sort((a, b) => (a[0] as number) - (b[0] as number)))
        .toEqual([...map].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([n, x]) => [n, Object.is(x, -0) ? 0 : x]))]));
    }));
  });

  it.each([
    ['f(x) := x^2 + a', 'plot(sin(k x), x, 0, 10)', 'a := 3 & b := 4 # c'],
  ])('keeps operators and the characters a URL treats specially: %s', (...lines) => {
    const h = hashOf({ lines, params: new Map([[1, { k: 2.5 }]]) });
    expect(h.startsWith('#i=')).toBe(true);
    expect(stateFromHash(h).lines).toEqual(lines);
    expect(stateFromHash(h).params.get(1)).toEqual({ k: 2.5 });
  });

  it('reads nothing from an empty or foreign fragment, and ignores malformed slider values', () => {
    expect(stateFromHash('').lines).toEqual([]);
    expect(stateFromHash('#section-2').lines).toEqual([]);
    const s = stateFromHash('#i=plot(sin(k%20x),%20x,%200,%201)&p=0:k=abc&p=5:k=1&p=0:1k=2&p=0:__proto__=3');
    expect(s.params.get(0)?.['k']).toBeUndefined();
    expect(s.params.has(5)).toBe(false);
  });
});
