/** Errors a user can cause by what they typed, with where and why, rendered with a caret. */

export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < source.length; k++) {
    if (source.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { offset, line, column: offset - start + 1 };
}

export class ParseError extends Error {
  override name = 'ParseError';
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** What the parser would have accepted at that point, in words (`"')'"`, `"an expression"`). */
  readonly expected: readonly string[];
  readonly source: string;
  /** The bare reason, without the position (`"expected ')' to close '('"`). */
  readonly reason: string;
  /** The line of the file or of the piped input that `source` starts on (1 for a line on its own). */
  readonly firstLine: number;

  constructor(reason: string, source: string, offset: number, expected: readonly string[] = [], at?: SourcePosition, firstLine = 1) {
    const pos = at ?? positionAt(source, offset);
    super(`${reason} at ${pos.line + firstLine - 1}:${pos.column}`);
    this.reason = reason;
    this.source = source;
    this.offset = pos.offset;
    this.line = pos.line + firstLine - 1;
    this.column = pos.column;
    this.expected = expected;
    this.firstLine = firstLine;
  }

  /** The same error for `source` read from line `firstLine` of a file: the position names that line. */
  startingAt(firstLine: number): ParseError {
    const pos = positionAt(this.source, this.offset);
    return new ParseError(this.reason, this.source, this.offset, this.expected, pos, firstLine);
  }

  /** The offending line of the input with a caret under the column, then the message. */
  caret(): string {
    const lines = this.source.split('\n');
    let text = lines[this.line - this.firstLine] ?? '';
    let col = this.column;
    // Long lines are shown as a window around the column.
    if (text.length > 100) {
      const from = Math.max(0, col - 50);
      text = (from > 0 ? '…' : '') + text.slice(from, from + 100) + (from + 100 < text.length ? '…' : '');
      col = col - from + (from > 0 ? 1 : 0);
    }
    return `${text}\n${' '.repeat(Math.max(0, col - 1))}^\n${this.message}`;
  }
}
