/** The examples menu: one line of each kind of thing the page does. */
export const EXAMPLES: readonly { readonly label: string; readonly line: string }[] = [
  { label: 'Derivative', line: 'diff(sin(x^2), x)' },
  { label: 'Derivative, step by step', line: 'steps(diff(x^2 exp(-x), x))' },
  { label: 'How 1/2x parses', line: '1/2x' },
  { label: 'Integral', line: 'integrate(x cos(x), x)' },
  { label: 'Limit', line: 'limit(sin(x)/x, x, 0)' },
  { label: 'Define a function', line: 'f(x) := x^3 - 2x' },
  { label: 'Plot with a parameter', line: 'plot(sin(k x), x, 0, 10)' },
  { label: 'Plot with poles', line: 'plot(tan(x), x, -4, 4)' },
  { label: 'Sigmoid and its derivative', line: 'plot(1/(1 + exp(-x)), x, -6, 6)' },
  { label: 'Solve', line: 'solve(x^2 - 5x + 6 = 0, x)' },
  { label: 'Numeric value', line: 'N(pi^2/6, 30)' },
  { label: 'Train on xor', line: 'nntrain(xor)' },
  { label: 'Train on two moons', line: 'nntrain(moons, 16, 3000)' },
  { label: 'Train on circles', line: 'nntrain(circles)' },
];
