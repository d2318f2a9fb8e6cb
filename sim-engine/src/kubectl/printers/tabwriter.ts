/**
 * A port of Go's text/tabwriter as kubectl vendors it (github.com/liggitt/tabwriter, which adds
 * RememberWidths). kubectl's column alignment is whatever this algorithm produces, quirks
 * included, so the structure follows the Go code closely rather than being "simplified".
 * Escapes, HTML filtering, AlignRight, DiscardEmptyColumns, TabIndent and Debug are left out:
 * kubectl sets none of them.
 */

/** TabWriterFlags are the formatting flags this port supports, with the fork's bit values. */
export const TabWriterFlags = {
  /** Column widths survive flush() and only ever grow, so `get --watch` rows stay aligned. */
  RememberWidths: 1 << 6,
} as const;

/** TabWriterOptions are Go's NewWriter parameters. */
export interface TabWriterOptions {
  /** Minimal cell width, padding included. */
  minwidth: number;
  /** Width of a tab, used only when padding with tabs. */
  tabwidth: number;
  /** Added to a cell's text width before it is compared with the column width. */
  padding: number;
  /** A single character; '\t' makes the writer pad with tabs. */
  padchar: string;
  flags: number;
}

interface Cell {
  text: string;
  /** Width in code points, as Go counts runes. */
  width: number;
}

/** TabWriter aligns tab-terminated cells of consecutive lines into columns. */
export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;

  private lines: Cell[][] = [[]];
  /** Text of the incomplete cell at the end of the buffer. */
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  /** Output produced since the last flush() returned, including Go's implicit flushes. */
  private out: string[] = [];

  constructor(opts: TabWriterOptions) {
    if (opts.minwidth < 0 || opts.tabwidth < 0 || opts.padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding');
    }
    if (opts.padchar.length !== 1) throw new RangeError('padchar must be a single character');
    this.minwidth = opts.minwidth;
    this.tabwidth = opts.tabwidth;
    this.padding = opts.padding;
    this.padchar = opts.padchar;
    this.flags = opts.flags;
  }

  /** write buffers text; it may end mid-line or mid-cell. */
  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      const content = this.cell + text.slice(n, i);
      this.cell = '';
      n = i + 1;
      const line = this.lines[this.lines.length - 1]!;
      line.push({ text: content, width: runeCount(content) });
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with a single cell ends every column block (its only cell belongs to none),
        // so Go formats what it has right away; '\f' forces the same for any line.
        if (ch === '\f' || line.length === 1) this.flushInternal();
      }
    }
    this.cell += text.slice(n);
  }

  /** flush formats everything buffered and returns all output produced since the previous flush. */
  flush(): string {
    this.flushInternal();
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  /** rememberedWidths returns a copy of the per-column maximum widths kept by RememberWidths. */
  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  /** setRememberedWidths replaces the widths RememberWidths has kept, e.g. to carry them to a new writer. */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxwidths = [...widths];
  }

  /** resetRememberedWidths forgets the widths RememberWidths has kept. */
  resetRememberedWidths(): void {
    this.maxwidths = [];
  }

  private flushInternal(): void {
    if (this.cell.length > 0) {
      const text = this.cell;
      this.cell = '';
      this.lines[this.lines.length - 1]!.push({ text, width: runeCount(text) });
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  // Recursively finds column blocks: a run of lines that all have a tab-terminated cell in the
  // current column. Each block's width is fixed before the columns to its right are formatted.
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue;

      this.writeLines(line0, row);
      line0 = row;

      let width = this.minwidth;
      for (; row < line1; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        const w = line[column]!.width + this.padding;
        if (w > width) width = w;
      }

      if (this.flags & TabWriterFlags.RememberWidths) {
        const max = this.maxwidths;
        if (max.length < this.widths.length) max.push(...this.widths.slice(max.length));
        const remembered = max[column];
        if (remembered === undefined) max.push(width);
        else if (remembered > width) width = remembered;
        else if (remembered < width) max[column] = width;
      }

      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        this.out.push(c.text);
        const w = this.widths[j];
        if (w !== undefined) this.writePadding(c.width, w);
      }
      if (i + 1 === this.lines.length) {
        // The last buffered line has no newline yet; emit whatever is pending as-is.
        this.out.push(this.cell);
      } else {
        this.out.push('\n');
      }
    }
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.padchar === '\t') {
      if (this.tabwidth === 0) return;
      const tw = this.tabwidth;
      const roundedUp = Math.trunc((cellw + tw - 1) / tw) * tw;
      const n = roundedUp - textw;
      if (n < 0) throw new Error('tabwriter: internal error');
      this.out.push('\t'.repeat(Math.trunc((n + tw - 1) / tw)));
      return;
    }
    this.out.push(this.padchar.repeat(cellw - textw));
  }
}

/** runeCount counts code points, the unit Go's tabwriter measures width in. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one code point; a lone surrogate still counts as one (it would
    // become U+FFFD on its way to UTF-8).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** tableWriter is the writer behind kubectl get tables (printers.GetNewTabWriter). */
export function tableWriter(): TabWriter {
  return new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: TabWriterFlags.RememberWidths });
}

/** describeWriter is the writer behind kubectl describe (describe.tabbedString). */
export function describeWriter(): TabWriter {
  return new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', flags: 0 });
}
