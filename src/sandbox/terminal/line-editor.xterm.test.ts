/**
 * Conformance against the real terminal: the editor's output is written into an actual
 * xterm.js Terminal (its core runs headless in Node) and the buffer is compared with a fresh
 * Terminal that printed prompt + line in one go. Resizes go through xterm.js's own reflow.
 */
import { Terminal } from '@xterm/xterm';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth } from './char-width.ts';
import { History } from './history.ts';
import { LineEditor } from './line-editor.ts';

const PROMPT = '\x1b[1;32mme@wh\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

function write(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

function rowsOf(term: Terminal, from = 0): { text: string; wrapped: boolean }[] {
  const buffer = term.buffer.active;
  const rows = [];
  for (let i = from; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    rows.push({ text: line?.translateToString(true) ?? '', wrapped: line?.isWrapped ?? false });
  }
  while (rows.length > 0 && rows[rows.length - 1]?.text === '') rows.pop();
  return rows;
}

/** What a terminal shows for prompt + line printed from scratch, and the cell under the cursor. */
async function reference(editor: LineEditor, cols: number) {
  const fresh = new Terminal({ cols, rows: 200 });
  await write(fresh, PROMPT + editor.line.slice(0, editor.cursor));
  let row = fresh.buffer.active.cursorY;
  let col = fresh.buffer.active.cursorX;
  const next = editor.line.codePointAt(editor.cursor);
  const nextWidth = next === undefined ? 0 : charWidth(next);
  if (col >= cols || (nextWidth > 0 && col + nextWidth > cols)) {
    row++;
    col = 0;
  }
  await write(fresh, editor.line.slice(editor.cursor));
  const rows = rowsOf(fresh).map((r) => r.text);
  fresh.dispose();
  return { rows, cursor: { row, col } };
}

async function expectInSync(term: Terminal, editor: LineEditor): Promise<void> {
  const expected = await reference(editor, term.cols);
  const buffer = term.buffer.active;
  expect(buffer.cursorX, 'cursor left in pending-wrap state').toBeLessThan(term.cols);
  expect(buffer.cursorX, 'cursor column').toBe(expected.cursor.col);
  const top = buffer.baseY + buffer.cursorY - expected.cursor.row;
  const rows = rowsOf(term, top);
  expect(rows.map((r) => r.text), 'rows').toEqual(expected.rows);
  for (let r = 1; r < rows.length; r++) expect(rows[r]?.wrapped, `row ${r} wrapped`).toBe(true);
}

async function setup(cols: number, history: string[] = []) {
  const term = new Terminal({ cols, rows: 8, scrollback: 500 });
  await write(term, 'output line\r\n'.repeat(8)); // prompt on the bottom row: new rows must scroll
  const editor = new LineEditor({ cols, history: new History(history) });
  await write(term, editor.prompt(PROMPT).output);
  return { term, editor };
}

const LEFT = '\x1b[D';
const HOME = '\x1b[H';
const END = '\x1b[F';

describe('LineEditor against a real xterm.js Terminal', () => {
  it('edits a long wrapped line', async () => {
    const { term, editor } = await setup(12);
    for (const input of ['kubectl get pods --all-namespaces -o wide', HOME, 'XX', '\x7f', '\x1bf', '\x17', END,
      LEFT, LEFT, '\x0b', 'abcdefgh', '\x15', '\x19', '\x0c']) {
      await write(term, editor.feed(input).output);
      await expectInSync(term, editor);
    }
  });

  it('keeps the line intact through narrowing and widening', async () => {
    const { term, editor } = await setup(20);
    await write(term, editor.feed('kubectl get pods --namespace kube-system').output);
    for (const cols of [13, 7, 31, 10]) {
      term.resize(cols, term.rows);
      await write(term, editor.resize(cols).output);
      await expectInSync(term, editor);
      await write(term, editor.feed(LEFT).output);
    }
    await write(term, editor.feed('\r').output);
    // After submitting, the wrapped rows still join up into the one logical line (copy/paste).
    const rows = rowsOf(term);
    const start = rows.findLastIndex((r) => !r.wrapped);
    expect(rows.slice(start).map((r) => r.text).join('')).toBe('me@wh:~$ kubectl get pods --namespace kube-system');
  });

  it('matches xterm.js under random edits, wide characters, marks and resizes', async () => {
    const chars = ['a', 'b', ' ', '漢', 'é', '\u0301'];
    const keys = [LEFT, '\x1b[C', HOME, END, '\x7f', '\x1b[3~', '\x17', '\x15', '\x0b', '\x19', '\x1bb', '\x1b[A',
      '\x1b[B'];
    const step = fc.oneof(
      fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
      fc.constantFrom(...keys),
      fc.integer({ min: 5, max: 24 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 16 }), fc.array(step, { maxLength: 20 }), async (cols, steps) => {
        const { term, editor } = await setup(cols, ['x'.repeat(30), 'short']);
        try {
          for (const s of steps) {
            if (typeof s === 'number') {
              term.resize(s, term.rows);
              await write(term, editor.resize(s).output);
            } else {
              await write(term, editor.feed(s).output);
            }
            await expectInSync(term, editor);
          }
        } finally {
          term.dispose();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
