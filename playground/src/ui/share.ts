/**
 * The page's state in its URL: the lines of the session in the `#` fragment (`#i=line&i=line…`), so a link
 * reproduces the page. The fragment is only ever read as data: each line is run by Lousa, never evaluated.
 */
export function linesFromHash(hash: string): string[] {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return [];
  return new URLSearchParams(h).getAll('i').filter((l) => l.trim() !== '').slice(0, 200);
}

export function hashOf(lines: readonly string[]): string {
  const p = new URLSearchParams();
  for (const l of lines) p.append('i', l);
  return lines.length === 0 ? '' : `#${p.toString()}`;
}

export function writeHash(lines: readonly string[]): void {
  const url = `${location.pathname}${location.search}${hashOf(lines)}`;
  history.replaceState(null, '', url);
}
