/**
 * From lines of text to statements: a `#` outside a string starts a comment that runs to the end of the line; a
 * line that ends with `\` or leaves a bracket open continues on the next line. Each statement remembers the line it
 * started on, so an error on line 2 of a file is reported at line 2.
 */

export interface Statement {
  /** The text of the statement, its lines joined by newlines (comments removed). */
  readonly text: string;
  /** The line of the input the statement starts on (1-based). */
  readonly line: number;
}

/** `text` without comments: on each line, everything from the first `#` that is not inside a string. */
export function stripComment(text: string): string {
  let out = '';
  let quote = false;
  let comment = false;
  for (const ch of text) {
    if (ch === '\n') {
      quote = false;
      comment = false;
    } else if (comment) continue;
    else if (ch === '"') quote = !quote;
    else if (ch === '#' && !quote) {
      comment = true;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Open brackets minus closed ones, outside strings. */
function bracketBalance(text: string): number {
  let depth = 0;
  let quote = false;
  for (const ch of text) {
    if (ch === '"') quote = !quote;
    else if (quote) continue;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
  }
  return depth;
}

/** Gathers lines into statements; feed it lines in order and ask for what is complete. */
export class StatementReader {
  private parts: string[] = [];
  private start = 0;
  private lineNo = 0;

  /** True while a statement has started and waits for more lines (the REPL then shows a continuation prompt). */
  get pending(): boolean {
    return this.parts.length > 0;
  }

  /** Adds the next line; returns the statement it completes, if any. */
  push(raw: string): Statement | undefined {
    this.lineNo++;
    // REPL commands (`:help`) are never continued.
    if (this.parts.length === 0 && raw.trim().startsWith(':')) return { text: raw.trim(), line: this.lineNo };
    let line = stripComment(raw).replace(/\s+$/, '');
    if (this.parts.length === 0) this.start = this.lineNo;
    const continued = line.endsWith('\\');
    if (continued) line = line.slice(0, -1);
    this.parts.push(line);
    const text = this.parts.join('\n');
    if (continued || bracketBalance(text) > 0) return undefined;
    return this.take();
  }

  /** The statement in progress, taken as it is (at the end of the input, so the parser can say what is missing). */
  flush(): Statement | undefined {
    return this.parts.length > 0 ? this.take() : undefined;
  }

  /** Forgets the statement in progress (Ctrl-C at a continuation prompt). */
  clear(): void {
    this.parts = [];
  }

  private take(): Statement {
    const s = { text: this.parts.join('\n'), line: this.start };
    this.parts = [];
    return s;
  }
}
