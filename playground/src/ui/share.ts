/**
 * The page's state in its URL: the lines of the session in the `#` fragment (`#i=line&i=line…`) and the slider
 * positions of its plots (`p=2:k=1.5`: line 2, parameter k), so a link reproduces the page. The fragment is only
 * ever read as data: each line is run by Lousa, never evaluated, and a slider value must be a finite number.
 */
export interface PageState {
  readonly lines: readonly string[];
  /** Slider values by the index of the plot's line. */
  readonly params: ReadonlyMap<number, Readonly<Record<string, number>>>;
}

const MAX_LINES = 200;

export function stateFromHash(hash: string): PageState {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = new URLSearchParams(h);
  const lines = q.getAll('i').filter((l) => l.trim() !== '').slice(0, MAX_LINES);
  const params = new Map<number, Record<string, number>>();
  for (const p of q.getAll('p')) {
    const m = /^(\d+):([A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*)=(.+)$/.exec(p);
    if (m === null) continue;
    const index = Number(m[1]), value = Number(m[3]);
    if (index >= lines.length || !Number.isFinite(value)) continue;
    const rec = params.get(index) ?? Object.create(null) as Record<string, number>;
    rec[m[2]!] = value;
    params.set(index, rec);
  }
  return { lines, params };
}

export function hashOf(state: PageState): string {
  const q = new URLSearchParams();
  for (const l of state.lines) q.append('i', l);
  for (const [index, rec] of [...state.params].sort((a, b) => a[0] - b[0])) {
    for (const [name, value] of Object.entries(rec)) q.append('p', `${index}:${name}=${value}`);
  }
  return state.lines.length === 0 ? '' : `#${q.toString()}`;
}

export const linesFromHash = (hash: string): string[] => [...stateFromHash(hash).lines];

export function writeHash(state: PageState): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hashOf(state)}`);
}
