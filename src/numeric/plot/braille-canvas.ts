import { requireIntAtLeast } from './errors.js';

/**
 * A monochrome pixel canvas rendered with Unicode braille patterns
 * (U+2800–U+28FF): each character cell holds 2 × 4 dots. Dot numbering
 * follows the Unicode braille block: bits 0–2 are dots 1–3 (left column,
 * top to bottom), bits 3–5 dots 4–6 (right column), bit 6 dot 7 (left
 * bottom) and bit 7 dot 8 (right bottom).
 */
export const BRAILLE_BASE = 0x2800;

/** Bit for the dot at column dx ∈ {0,1}, row dy ∈ {0..3} of a cell. */
export const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

export class BrailleCanvas {
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  private readonly cells: Uint8Array;

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    requireIntAtLeast('cols', cols, 1);
    requireIntAtLeast('rows', rows, 1);
    this.pixelWidth = 2 * cols;
    this.pixelHeight = 4 * rows;
    this.cells = new Uint8Array(cols * rows);
  }

  /** Light pixel (px, py); (0, 0) is the top-left corner. Out-of-range pixels are ignored. */
  set(px: number, py: number): void {
    if (px < 0 || py < 0 || px >= this.pixelWidth || py >= this.pixelHeight) return;
    this.cells[(py >> 2) * this.cols + (px >> 1)] |= DOT_BITS[px & 1][py & 3];
  }

  get(px: number, py: number): boolean {
    if (px < 0 || py < 0 || px >= this.pixelWidth || py >= this.pixelHeight) return false;
    return (this.cells[(py >> 2) * this.cols + (px >> 1)] & DOT_BITS[px & 1][py & 3]) !== 0;
  }

  /**
   * Draw the segment between two points given in continuous pixel
   * coordinates, clipped to the canvas (Liang–Barsky clipping: Y.-D. Liang
   * and B. A. Barsky, 1984, "A new concept and method for line clipping"),
   * then stepped one pixel at a time along its major axis (DDA).
   */
  line(x0: number, y0: number, x1: number, y1: number): void {
    const xmin = -0.5;
    const ymin = -0.5;
    const xmax = this.pixelWidth - 0.5;
    const ymax = this.pixelHeight - 0.5;
    const dx = x1 - x0;
    const dy = y1 - y0;
    let t0 = 0;
    let t1 = 1;
    const clip = (p: number, q: number): boolean => {
      if (p === 0) return q >= 0;
      const r = q / p;
      if (p < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
      return true;
    };
    if (!(clip(-dx, x0 - xmin) && clip(dx, xmax - x0) && clip(-dy, y0 - ymin) && clip(dy, ymax - y0))) return;
    const ax = x0 + t0 * dx;
    const ay = y0 + t0 * dy;
    const bx = x0 + t1 * dx;
    const by = y0 + t1 * dy;
    const steps = Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)));
    if (!Number.isFinite(steps)) return;
    for (let i = 0; i <= steps; i++) {
      const t = steps === 0 ? 0 : i / steps;
      this.set(Math.round(ax + t * (bx - ax)), Math.round(ay + t * (by - ay)));
    }
  }

  /** The canvas as one string per character row. */
  lines(): string[] {
    const out: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      let s = '';
      for (let c = 0; c < this.cols; c++) s += String.fromCharCode(BRAILLE_BASE + this.cells[r * this.cols + c]);
      out.push(s);
    }
    return out;
  }
}
