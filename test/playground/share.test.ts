/** The session in the URL fragment: any list of lines survives the round trip through a link. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf, linesFromHash } from '../../playground/src/ui/share.js';

describe('session lines in the URL fragment', () => {
  it('round-trips any lines (blank ones are dropped)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 12 }), (lines) => {
      const kept = lines.filter((l) => l.trim() !== '');
      expect(linesFromHash(hashOf(kept))).toEqual(kept);
    }));
  });

  it.each([
    ['f(x) := x^2 + a', 'plot(sin(k x), x, 0, 10)', 'a := 3 & b := 4 # c'],
  ])('keeps operators and the characters a URL treats specially: %s', (...lines) => {
    const h = hashOf(lines);
    expect(h.startsWith('#i=')).toBe(true);
    expect(linesFromHash(h)).toEqual(lines);
  });

  it('reads nothing from an empty or foreign fragment', () => {
    expect(linesFromHash('')).toEqual([]);
    expect(linesFromHash('#section-2')).toEqual([]);
  });
});
