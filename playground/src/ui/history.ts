/** The input's history, walked with the arrow keys (↑ older, ↓ newer) and kept in localStorage. */
const KEY = 'lousa.history';
const MAX = 200;

export class History {
  private items: string[];
  private at: number;
  private draft = '';

  constructor() {
    let saved: unknown = [];
    try {
      saved = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    } catch {
      saved = [];
    }
    this.items = Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string').slice(-MAX) : [];
    this.at = this.items.length;
  }

  push(line: string): void {
    if (line.trim() !== '' && this.items[this.items.length - 1] !== line) this.items.push(line);
    if (this.items.length > MAX) this.items.shift();
    this.at = this.items.length;
    this.draft = '';
    try {
      localStorage.setItem(KEY, JSON.stringify(this.items));
    } catch {
      // No storage: the history lasts for this page only.
    }
  }

  /** The line one step older (-1) or newer (+1) than the current one, or undefined at either end. */
  move(dir: -1 | 1, current: string): string | undefined {
    if (this.at === this.items.length) this.draft = current;
    const next = this.at + dir;
    if (next < 0 || next > this.items.length) return undefined;
    this.at = next;
    return next === this.items.length ? this.draft : this.items[next];
  }
}
