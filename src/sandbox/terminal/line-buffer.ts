/**
 * The text being edited, held as code points so that cursor arithmetic never splits a
 * surrogate pair, plus the boundary rules readline uses for characters and words.
 */
import { charWidth, type CharWidthFn } from './char-width.ts';

const ALNUM = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE = /^\s$/u;

/** LineBuffer is the edit line: code points and a cursor index between them. */
export class LineBuffer {
  #chars: string[] = [];
  #cursor = 0;
  readonly #width: CharWidthFn;

  /** LineBuffer's constructor takes the width function used to keep combining marks with their base. */
  constructor(width: CharWidthFn = charWidth) {
    this.#width = width;
  }

  /** chars are the code points of the line. */
  get chars(): readonly string[] {
    return this.#chars;
  }

  /** cursor is the code-point index of the cursor (0..length). */
  get cursor(): number {
    return this.#cursor;
  }

  /** length is the number of code points. */
  get length(): number {
    return this.#chars.length;
  }

  /** text is the whole line. */
  get text(): string {
    return this.#chars.join('');
  }

  /** cursorOffset is the cursor as a UTF-16 index into `text`, the unit string APIs use. */
  get cursorOffset(): number {
    return this.slice(0, this.#cursor).length;
  }

  /** slice returns the text between two code-point indexes. */
  slice(start: number, end: number = this.#chars.length): string {
    return this.#chars.slice(start, end).join('');
  }

  /** widthAt is the cell width of the code point at `index` (0 past the end). */
  widthAt(index: number): number {
    const ch = this.#chars[index];
    return ch === undefined ? 0 : this.#width(ch.codePointAt(0) ?? 0);
  }

  /** set replaces the line and puts the cursor at `cursor` (default: end). */
  set(text: string, cursor?: number): void {
    this.#chars = Array.from(text);
    this.moveTo(cursor ?? this.#chars.length);
  }

  /** moveTo places the cursor, clamped to the line. */
  moveTo(index: number): void {
    this.#cursor = Math.max(0, Math.min(this.#chars.length, index));
  }

  /** insert puts text at the cursor and moves the cursor past it (and past marks it now carries). */
  insert(text: string): void {
    const added = Array.from(text);
    this.#chars.splice(this.#cursor, 0, ...added);
    this.#cursor += added.length;
    while (this.#cursor < this.#chars.length && this.widthAt(this.#cursor) === 0) this.#cursor++;
  }

  /** remove deletes [start, end), leaves the cursor at start and returns what was removed. */
  remove(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, end));
    const to = Math.min(this.#chars.length, Math.max(start, end));
    const removed = this.#chars.splice(from, to - from).join('');
    this.#cursor = from;
    return removed;
  }

  /** offsetToIndex converts a UTF-16 offset into `text` to a code-point index. */
  offsetToIndex(offset: number): number {
    let units = 0;
    for (let i = 0; i < this.#chars.length; i++) {
      if (units >= offset) return i;
      units += this.#chars[i]?.length ?? 0;
    }
    return this.#chars.length;
  }

  /** charStartBefore is where Left/Backspace land: skips zero-width marks to reach their base. */
  charStartBefore(index: number = this.#cursor): number {
    let i = Math.max(0, index - 1);
    while (i > 0 && this.widthAt(i) === 0) i--;
    return i;
  }

  /** charEndAfter is where Right/Delete reach: past the character and any marks on it. */
  charEndAfter(index: number = this.#cursor): number {
    let i = Math.min(this.#chars.length, index + 1);
    while (i < this.#chars.length && this.widthAt(i) === 0) i++;
    return i;
  }

  /** wordStartBefore is readline's backward-word target (words are letters and digits). */
  wordStartBefore(index: number = this.#cursor): number {
    let i = index;
    while (i > 0 && !this.#isAlnum(i - 1)) i--;
    while (i > 0 && this.#isAlnum(i - 1)) i--;
    return this.#clusterStart(i);
  }

  /** wordEndAfter is readline's forward-word target. */
  wordEndAfter(index: number = this.#cursor): number {
    let i = index;
    while (i < this.#chars.length && !this.#isAlnum(i)) i++;
    while (i < this.#chars.length && this.#isAlnum(i)) i++;
    return i;
  }

  /** spaceWordStartBefore is unix-word-rubout's target (words are runs of non-whitespace). */
  spaceWordStartBefore(index: number = this.#cursor): number {
    let i = index;
    while (i > 0 && this.#isSpace(i - 1)) i--;
    while (i > 0 && !this.#isSpace(i - 1)) i--;
    return this.#clusterStart(i);
  }

  /** A boundary must not fall between a character and the marks on it (e.g. a space + accent). */
  #clusterStart(index: number): number {
    let i = index;
    while (i > 0 && i < this.#chars.length && this.widthAt(i) === 0) i--;
    return i;
  }

  #isAlnum(index: number): boolean {
    return ALNUM.test(this.#chars[index] ?? '');
  }

  #isSpace(index: number): boolean {
    return SPACE.test(this.#chars[index] ?? '');
  }
}
