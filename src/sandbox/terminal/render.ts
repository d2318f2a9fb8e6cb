/**
 * Draws prompt + edit line with relative cursor movement only, so it works wherever on the
 * screen the prompt is and however many rows the line wraps onto.
 *
 * Positions are (row, col) relative to the first row of the prompt's last line. The terminal
 * cursor is never left in xterm's pending-wrap state (after a write that fills the last
 * column): erase and relative-move semantics differ between terminals there. Every row the
 * line continues onto keeps xterm.js's "wrapped" flag, which it uses to keep the line
 * together when copying and when reflowing on resize.
 */
import { charWidth, stringWidth, stripAnsi, type CharWidthFn } from './char-width.ts';

const CSI = '\x1b[';

/** CellPos is a cell position relative to the start of the prompt line. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** layoutCells returns where each cell-width run starts when printed from column 0, plus the end position. */
export function layoutCells(widths: readonly number[], cols: number): CellPos[] {
  const positions: CellPos[] = [];
  let row = 0;
  let col = 0;
  for (const w of widths) {
    // A character that does not fit wraps first; a wide one leaves the last cell blank.
    if (w > 0 && col + w > cols) {
      row++;
      col = 0;
    }
    positions.push({ row, col });
    col += w;
  }
  positions.push(col >= cols ? { row: row + 1, col: 0 } : { row, col });
  return positions;
}

/** cursorMove returns the escape sequence moving the cursor between two positions. */
export function cursorMove(from: CellPos, to: CellPos): string {
  let out = '';
  if (to.row !== from.row) {
    const n = Math.abs(to.row - from.row);
    out += to.row < from.row ? `${CSI}${n}A` : `${CSI}${n}B`;
    if (to.col !== from.col) out += to.col === 0 ? '\r' : `${CSI}${to.col + 1}G`;
    return out;
  }
  const delta = to.col - from.col;
  if (delta === 0) return '';
  if (to.col === 0) return '\r';
  if (delta === -1) return '\b';
  return delta < 0 ? `${CSI}${-delta}D` : `${CSI}${delta}C`;
}

function isAfter(a: CellPos, b: CellPos): boolean {
  return a.row > b.row || (a.row === b.row && a.col > b.col);
}

/** formatColumns lays out completion candidates column-major, as bash lists possibilities. */
export function formatColumns(items: readonly string[], cols: number, width: CharWidthFn = charWidth): string[] {
  if (items.length === 0) return [];
  const widths = items.map((item) => stringWidth(item, width));
  const cell = Math.max(...widths) + 2;
  const perRow = Math.max(1, Math.floor(cols / cell));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = c * rows + r;
      const item = items[i];
      if (item === undefined) break;
      const last = i + rows >= items.length || c === perRow - 1;
      line += last ? item : item + ' '.repeat(cell - (widths[i] ?? 0));
    }
    lines.push(line);
  }
  return lines;
}

/** LineRenderer turns edits of the line into minimal terminal output and tracks the cursor. */
export class LineRenderer {
  #cols: number;
  readonly #width: CharWidthFn;
  #promptHead = '';
  #promptLine = '';
  #promptWidths: number[] = [];
  #cursor: CellPos = { row: 0, col: 0 };
  #drawnEnd: CellPos = { row: 0, col: 0 };
  #markOnPrompt = false;

  /** LineRenderer's constructor takes the terminal width and the character width function. */
  constructor(cols: number, width: CharWidthFn = charWidth) {
    this.#cols = Math.max(2, Math.floor(cols));
    this.#width = width;
  }

  /** cols is the terminal width the layout assumes. */
  get cols(): number {
    return this.#cols;
  }

  /** cursor is where the terminal cursor is, relative to the start of the prompt line. */
  get cursor(): CellPos {
    return this.#cursor;
  }

  /** setPrompt changes the prompt used by the next draw; escapes are excluded from its width. */
  setPrompt(prompt: string): void {
    const lastBreak = prompt.lastIndexOf('\n');
    this.#promptHead = prompt.slice(0, lastBreak + 1).replace(/\r?\n/g, '\r\n');
    this.#promptLine = prompt.slice(lastBreak + 1);
    this.#promptWidths = Array.from(stripAnsi(this.#promptLine), (ch) => this.#width(ch.codePointAt(0) ?? 0));
  }

  /**
   * draw prints the prompt and line from scratch. The terminal cursor must be at column 0 with
   * nothing drawn after it; `withHead` includes the lines of a multi-line prompt.
   */
  draw(chars: readonly string[], cursorIndex: number, withHead = true): string {
    this.#cursor = { row: 0, col: 0 };
    this.#drawnEnd = { row: 0, col: 0 };
    return (withHead ? this.#promptHead : '') + this.#promptLine + this.#rewrite(chars, 0, cursorIndex, true);
  }

  /** update redraws after the line changed at and after index `from`, then places the cursor. */
  update(chars: readonly string[], from: number, cursorIndex: number): string {
    let start = Math.max(0, Math.min(from, chars.length));
    // Marks join the cell before them, so restart at their base character.
    while (start > 0 && this.#charWidth(chars[start]) === 0) start--;
    // A mark at the very start joins the prompt's last cell: only reprinting the prompt adds or removes it.
    const leadingMark = chars.length > 0 && this.#charWidth(chars[0]) === 0;
    if (start === 0 && (this.#markOnPrompt || leadingMark)) {
      return this.rewind() + this.draw(chars, cursorIndex, false);
    }
    return this.#rewrite(chars, start, cursorIndex, false);
  }

  /** moveTo places the terminal cursor before character `index`. */
  moveTo(chars: readonly string[], index: number): string {
    return this.#moveCursor(this.#cursorCell(this.#layout(chars), this.#cellIndex(chars, index)));
  }

  /** rewind returns to column 0 of the prompt line and erases everything from there down. */
  rewind(): string {
    const out = this.#moveCursor({ row: 0, col: 0 }) + `${CSI}J`;
    this.#drawnEnd = { row: 0, col: 0 };
    return out;
  }

  /** setCols changes the width used for layout without drawing anything. */
  setCols(cols: number): void {
    this.#cols = Math.max(2, Math.floor(cols));
  }

  /** resize adopts a new width and redraws the prompt line and edit line for it. */
  resize(cols: number, chars: readonly string[], cursorIndex: number): string {
    // xterm.js does not reflow the wrapped line holding the cursor, so the rows above are
    // still laid out for the old width when we climb back to the start.
    const out = this.rewind();
    this.setCols(cols);
    return out + this.draw(chars, cursorIndex, false);
  }

  #rewrite(chars: readonly string[], from: number, cursorIndex: number, drawingPrompt: boolean): string {
    const widths = this.#widths(chars);
    const layout = layoutCells(widths, this.#cols);
    const p = this.#promptWidths.length;
    const end = layout[layout.length - 1] ?? { row: 0, col: 0 };
    let out = drawingPrompt ? '' : this.#moveCursor(this.#writeStart(layout, widths, p + from));
    if (from === 0) this.#markOnPrompt = chars.length > 0 && this.#charWidth(chars[0]) === 0;
    const tail = chars.slice(from).join('');
    out += tail;
    const pendingWrap = end.col === 0 && end.row > 0 && (tail !== '' || (drawingPrompt && p > 0));
    const stale = isAfter(this.#drawnEnd, end);
    if (end.col === 0 && end.row > 0 && (pendingWrap || stale)) {
      // The space wraps onto the next row (marking it as a continuation); CR returns to the
      // true end and ECH erases the space. ED/EL are avoided at column 0 because xterm.js
      // clears the row's wrapped flag there.
      out += ` ${stale ? `${CSI}J` : ''}\r${CSI}X`;
    } else if (stale) {
      out += `${CSI}J`;
    }
    this.#cursor = end;
    this.#drawnEnd = end;
    return out + this.#moveCursor(this.#cursorCell(layout, this.#cellIndex(chars, cursorIndex)));
  }

  /**
   * Where to start printing cell `index`. A wide character that did not fit is printed from
   * the end of the row before it, so the terminal wraps it itself: that blanks the leftover
   * cell and creates (and flags) the next row, which cursor-down could not do at the bottom.
   */
  #writeStart(layout: readonly CellPos[], widths: readonly number[], index: number): CellPos {
    const pos = layout[index] ?? this.#cursor;
    const prev = layout[index - 1];
    if (pos.col !== 0 || pos.row === 0 || prev === undefined) return pos;
    const prevEnd = prev.col + (widths[index - 1] ?? 0);
    // If the previous cell filled the row, the row below exists already (see the space trick).
    return prevEnd < this.#cols ? { row: prev.row, col: prevEnd } : pos;
  }

  /** The cell for a cursor before cell `index`; a mark that joined a full row puts it on the next row. */
  #cursorCell(layout: readonly CellPos[], index: number): CellPos {
    const pos = layout[index] ?? layout[layout.length - 1] ?? { row: 0, col: 0 };
    return pos.col >= this.#cols ? { row: pos.row + 1, col: 0 } : pos;
  }

  /** Index into the prompt + line layout of character `index` of the line. */
  #cellIndex(chars: readonly string[], index: number): number {
    return this.#promptWidths.length + Math.max(0, Math.min(index, chars.length));
  }

  #moveCursor(to: CellPos): string {
    const out = cursorMove(this.#cursor, to);
    this.#cursor = to;
    return out;
  }

  #layout(chars: readonly string[]): CellPos[] {
    return layoutCells(this.#widths(chars), this.#cols);
  }

  #widths(chars: readonly string[]): number[] {
    return this.#promptWidths.concat(chars.map((ch) => this.#charWidth(ch)));
  }

  #charWidth(ch: string | undefined): number {
    return ch === undefined ? 0 : this.#width(ch.codePointAt(0) ?? 0);
  }
}
