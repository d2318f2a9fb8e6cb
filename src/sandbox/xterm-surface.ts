/** The controller's TerminalSurface over an xterm.js Terminal. */
import type { IBuffer, Terminal } from '@xterm/xterm';
import type { TerminalSurface } from './controller-impl.ts';
import type { BufferRow } from './persistence/scrollback.ts';

/** xtermSurface adapts an xterm.js Terminal to the controller. */
export function xtermSurface(term: Terminal): TerminalSurface {
  return {
    write: (data) => term.write(data),
    onData: (listener) => term.onData(listener),
    onResize: (listener) => term.onResize(listener),
    get cols() {
      return term.cols;
    },
    reset: () => term.reset(),
    // The normal buffer: a full-screen program's alternate screen is not part of the history.
    rows: () => bufferRows(term.buffer.normal),
  };
}

/** bufferRows reads every row of a buffer, scrollback included. */
export function bufferRows(buffer: IBuffer): BufferRow[] {
  const rows: BufferRow[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (line) rows.push({ text: line.translateToString(true), wrapped: line.isWrapped });
  }
  return rows;
}
