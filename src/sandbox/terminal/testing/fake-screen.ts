/**
 * A tiny terminal model for tests: a grid that interprets exactly the escape subset the line
 * editor emits, with xterm.js's auto-wrap rules (pending wrap, wide characters, wrapped-row
 * flags). In strict mode it throws on operations whose result differs between terminals while
 * a wrap is pending, and on any sequence it does not know, so tests catch sloppy output.
 */
import { charWidth, type CharWidthFn } from '../char-width.ts';

const WIDE_TAIL = '';

interface Row {
  cells: string[];
  wrapped: boolean;
}

/** FakeScreenOptions configures a FakeScreen. */
export interface FakeScreenOptions {
  readonly cols: number;
  readonly rows?: number;
  readonly strict?: boolean;
  readonly charWidth?: CharWidthFn;
}

/** FakeScreen is an in-memory terminal screen with scrollback. */
export class FakeScreen {
  cols: number;
  readonly rows: number;
  readonly strict: boolean;
  readonly scrollback: string[] = [];
  bells = 0;
  #grid: Row[];
  #x = 0;
  #y = 0;
  readonly #width: CharWidthFn;

  /** FakeScreen's constructor creates a blank screen with the cursor at the top left. */
  constructor(options: FakeScreenOptions) {
    this.cols = options.cols;
    this.rows = options.rows ?? 40;
    this.strict = options.strict ?? true;
    this.#width = options.charWidth ?? charWidth;
    this.#grid = Array.from({ length: this.rows }, () => this.#blankRow());
  }

  /** cursor is the cursor cell; `pendingWrap` is xterm's "wrote the last column" state. */
  get cursor(): { row: number; col: number; pendingWrap: boolean } {
    return { row: this.#y, col: Math.min(this.#x, this.cols - 1), pendingWrap: this.#x >= this.cols };
  }

  /** lines returns the viewport rows without trailing spaces or trailing blank rows. */
  lines(): string[] {
    const out = this.#grid.map((row) => row.cells.join('').trimEnd());
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** logicalLines joins rows flagged as wrapped continuations onto the row before them. */
  logicalLines(): string[] {
    const out: string[] = [];
    for (const row of this.#grid) {
      const text = row.cells.join('');
      if (row.wrapped && out.length > 0) out[out.length - 1] += text;
      else out.push(text);
    }
    const trimmed = out.map((line) => line.trimEnd());
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed;
  }

  /** isWrapped reports whether viewport row `row` continues the row above. */
  isWrapped(row: number): boolean {
    return this.#grid[row]?.wrapped ?? false;
  }

  /** resize changes the width like xterm.js does for the cursor's line: no reflow, just cut/pad. */
  resize(cols: number): void {
    for (const row of this.#grid) {
      row.cells.length = Math.min(row.cells.length, cols);
      while (row.cells.length < cols) row.cells.push(' ');
    }
    this.cols = cols;
    this.#x = Math.min(this.#x, cols - 1);
  }

  /** write interprets terminal output. */
  write(data: string): void {
    for (let i = 0; i < data.length;) {
      const ch = data.charAt(i);
      if (ch === '\x1b') {
        i = this.#escape(data, i);
        continue;
      }
      const cp = data.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(cp);
      i += char.length;
      if (cp < 0x20 || cp === 0x7f) this.#control(char);
      else this.#print(char, this.#width(cp));
    }
  }

  #blankRow(): Row {
    return { cells: Array.from({ length: this.cols }, () => ' '), wrapped: false };
  }

  #row(): Row {
    const row = this.#grid[this.#y];
    if (row === undefined) throw new Error(`cursor row ${this.#y} outside the screen`);
    return row;
  }

  #ambiguous(what: string): void {
    if (this.strict && this.#x >= this.cols) throw new Error(`${what} while a wrap is pending`);
    this.#x = Math.min(this.#x, this.cols - 1);
  }

  #nextRow(wrapping: boolean): void {
    if (this.#y === this.rows - 1) {
      const top = this.#grid.shift();
      if (top) this.scrollback.push(top.cells.join('').trimEnd());
      this.#grid.push({ ...this.#blankRow(), wrapped: wrapping });
    } else {
      this.#y++;
      this.#row().wrapped = wrapping;
    }
  }

  #control(ch: string): void {
    switch (ch) {
      case '\r': this.#x = 0; return;
      case '\n': this.#x = Math.min(this.#x, this.cols - 1); this.#nextRow(false); return;
      case '\b': this.#ambiguous('BS'); this.#x = Math.max(0, this.#x - 1); return;
      case '\x07': this.bells++; return;
      default: throw new Error(`unsupported control ${JSON.stringify(ch)}`);
    }
  }

  #place(ch: string, width: number): void {
    const cells = this.#row().cells;
    const x = this.#x;
    // Overwriting half of a wide character blanks its other half, as terminals do.
    if (cells[x] === WIDE_TAIL && x > 0) cells[x - 1] = ' ';
    if (cells[x + width] === WIDE_TAIL) cells[x + width] = ' ';
    cells[x] = ch;
    if (width === 2) cells[x + 1] = WIDE_TAIL;
  }

  #print(ch: string, width: number): void {
    if (width === 0) {
      const cells = this.#row().cells;
      let x = Math.min(this.#x, this.cols) - 1;
      if (cells[x] === WIDE_TAIL) x--;
      if (x >= 0) cells[x] += ch;
      return;
    }
    if (this.#x + width > this.cols) {
      const cells = this.#row().cells;
      if (this.#x < this.cols && cells[this.#x] === WIDE_TAIL && this.#x > 0) cells[this.#x - 1] = ' ';
      for (let x = this.#x; x < this.cols; x++) cells[x] = ' ';
      this.#x = 0;
      this.#nextRow(true);
    }
    this.#place(ch, width);
    this.#x += width;
  }

  #erase(row: Row, from: number): void {
    for (let x = from; x < this.cols; x++) row.cells[x] = ' ';
  }

  #escape(data: string, start: number): number {
    const match = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(start, start + 16));
    if (!match) throw new Error(`unsupported escape ${JSON.stringify(data.slice(start, start + 8))}`);
    const [whole, paramText = '', final = ''] = match;
    const params = paramText === '' ? [] : paramText.split(';').map(Number);
    const n = Math.max(1, params[0] ?? 1);
    switch (final) {
      case 'A': this.#x = Math.min(this.#x, this.cols - 1); this.#y = Math.max(0, this.#y - n); break;
      case 'B': this.#x = Math.min(this.#x, this.cols - 1); this.#y = Math.min(this.rows - 1, this.#y + n); break;
      case 'C': this.#ambiguous('CUF'); this.#x = Math.min(this.cols - 1, this.#x + n); break;
      case 'D': this.#ambiguous('CUB'); this.#x = Math.max(0, this.#x - n); break;
      case 'G': this.#x = Math.min(this.cols - 1, n - 1); break;
      case 'H':
        this.#y = Math.min(this.rows - 1, Math.max(1, params[0] ?? 1) - 1);
        this.#x = Math.min(this.cols - 1, Math.max(1, params[1] ?? 1) - 1);
        break;
      case 'X': {
        this.#ambiguous('ECH');
        const cells = this.#row().cells;
        for (let x = this.#x; x < Math.min(this.cols, this.#x + n); x++) cells[x] = ' ';
        break;
      }
      case 'K':
        if ((params[0] ?? 0) !== 0) throw new Error('only EL 0 is modelled');
        this.#ambiguous('EL');
        this.#erase(this.#row(), this.#x);
        if (this.#x === 0) this.#row().wrapped = false;
        break;
      case 'J': {
        const mode = params[0] ?? 0;
        if (mode === 0) {
          this.#ambiguous('ED');
          this.#erase(this.#row(), this.#x);
          if (this.#x === 0) this.#row().wrapped = false;
          for (let y = this.#y + 1; y < this.rows; y++) this.#grid[y] = this.#blankRow();
        } else if (mode === 2) {
          this.#grid = this.#grid.map(() => this.#blankRow());
        } else if (mode === 3) {
          this.scrollback.length = 0;
        } else {
          throw new Error(`unsupported ED ${mode}`);
        }
        break;
      }
      case 'm': break;
      default: throw new Error(`unsupported CSI ${JSON.stringify(whole)}`);
    }
    return start + whole.length;
  }
}
