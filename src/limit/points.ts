/** The points at infinity of the real line. */
import { mul, sym, MINUS_ONE } from '../ast/expr.js';

export const INF = sym('inf');
export const NEG_INF = mul(MINUS_ONE, INF);
