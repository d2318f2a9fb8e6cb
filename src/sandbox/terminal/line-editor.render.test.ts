/**
 * Rendering tests: the editor's output is interpreted by a fake terminal and the resulting
 * screen is compared with how the terminal lays out prompt + line when printed from scratch.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInSync, harness, type Harness } from './testing/editor-harness.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const HOME = '\x1b[H';
const END = '\x1b[F';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const BS = '\x7f';
const COLOR_PROMPT = '\x1b[1;32mlearner@wheelhouse\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

function typeChecked(h: Harness, ...chunks: string[]): void {
  for (const chunk of chunks) {
    h.type(chunk);
    expectInSync(h);
  }
}

describe('LineEditor rendering of wrapped lines', () => {
  it('wraps a long line across rows and keeps the cursor on the right cell', () => {
    const h = harness({ cols: 20 });
    const text = 'kubectl get pods --all-namespaces -o wide --sort-by=.metadata.name';
    typeChecked(h, text);
    expect(h.screen.lines()).toEqual([
      '$ kubectl get pods -', '-all-namespaces -o w', 'ide --sort-by=.metad', 'ata.name',
    ]);
  });

  it('inserts and deletes at the start of a wrapped line, shifting every row', () => {
    const h = harness({ cols: 16, prompt: COLOR_PROMPT.replace('learner@wheelhouse', 'me') });
    h.type('abcdefghijklmnopqrstuvwxyz0123456789');
    typeChecked(h, HOME, 'XYZ', RIGHT, BS, BS, '\x1b[3~', END, BS);
    expect(h.editor.line).toBe('XYcdefghijklmnopqrstuvwxyz012345678');
  });

  it('walks the cursor across row boundaries in both directions', () => {
    const h = harness({ cols: 10 });
    h.type('0123456789abcdefghij');
    for (let i = 0; i < 25; i++) typeChecked(h, LEFT);
    for (let i = 0; i < 25; i++) typeChecked(h, RIGHT);
    typeChecked(h, '\x1bb', '\x1bb', '\x1bf', HOME, END);
  });

  it('handles a line ending exactly at the last column (pending wrap)', () => {
    const h = harness({ cols: 10 });
    typeChecked(h, '12345678');
    expect(h.screen.cursor).toEqual({ row: 1, col: 0, pendingWrap: false });
    expect(h.screen.isWrapped(1)).toBe(true);
    typeChecked(h, 'x', BS, BS, '9', LEFT, RIGHT, HOME, END);
    typeChecked(h, 'abcdefghij');
    expect(h.screen.cursor).toEqual({ row: 2, col: 0, pendingWrap: false });
    typeChecked(h, HOME, 'Q', BS, END, BS);
  });

  it('handles a prompt that exactly fills the first row', () => {
    const h = harness({ cols: 6, prompt: '\x1b[1m12345$\x1b[0m' });
    expectInSync(h);
    expect(h.screen.cursor).toEqual({ row: 1, col: 0, pendingWrap: false });
    typeChecked(h, 'abc', HOME, 'x', '\x15');
  });

  it('handles a prompt wider than the terminal', () => {
    const h = harness({ cols: 8, prompt: 'a-very-long-prompt> ' });
    typeChecked(h, 'get pods', HOME, 'x', '\x0b');
  });

  it('clears rows left over when the line shrinks by several rows', () => {
    const h = harness({ cols: 12, before: 'output\r\n' });
    h.type('x'.repeat(50));
    typeChecked(h, LEFT, LEFT, '\x15');
    expect(h.screen.lines()).toEqual(['output', '$ xx']);
    typeChecked(h, '\x19');
    typeChecked(h, HOME, '\x0b');
    expect(h.screen.lines()).toEqual(['output', '$']);
  });

  it('replaces a long recalled entry with a short one and back', () => {
    const long = `kubectl get pods ${'-l app=web '.repeat(8)}`.trim();
    const h = harness({ cols: 24, history: [long, 'ls'] });
    typeChecked(h, 'draft', UP, UP, DOWN, UP, DOWN, DOWN);
    expect(h.editor.line).toBe('draft');
  });

  it('keeps drawing correctly when the prompt is on the bottom row and the line scrolls the screen', () => {
    const h = harness({ cols: 10, rows: 4, before: 'l1\r\nl2\r\nl3\r\n' });
    typeChecked(h, 'abcdefghijklmnopqrstuvwxyz', HOME, '12', END, BS, '\x17');
    expect(h.screen.scrollback.length).toBeGreaterThan(0);
  });

  it('submits a wrapped line from the middle with the cursor moving below it', () => {
    const h = harness({ cols: 10 });
    h.type('0123456789abcdefghij', HOME, '\r');
    expect(h.screen.lines()).toEqual(['$ 01234567', '89abcdefgh', 'ij']);
    expect(h.screen.cursor).toEqual({ row: 3, col: 0, pendingWrap: false });
    h.apply(h.editor.prompt());
    typeChecked(h, 'next');
  });

  it('writes ^C after the end of a wrapped line', () => {
    const h = harness({ cols: 10 });
    h.type('0123456789abcdef', HOME, '\x03');
    expect(h.screen.lines()).toEqual(['$ 01234567', '89abcdef^C', '$']);
    expectInSync(h);
  });

  it('redraws a wrapped line after Ctrl+L', () => {
    const h = harness({ cols: 10, before: 'junk\r\n'.repeat(5) });
    h.type('0123456789abcdefghijkl', LEFT, LEFT, LEFT, '\x0c');
    expect(h.screen.lines()).toEqual(['$ 01234567', '89abcdefgh', 'ijkl']);
    expectInSync(h);
  });

  it('lays out double-width characters, including ones that wrap early', () => {
    const h = harness({ cols: 9 });
    typeChecked(h, 'ab漢字かなカナ', LEFT, LEFT, LEFT, 'x', BS, '한', HOME, 'Ｚ', END, BS, BS);
  });

  it('lays out combining marks', () => {
    const h = harness({ cols: 8 });
    typeChecked(h, 'cafe\u0301 na\u0308ive', LEFT, LEFT, LEFT, LEFT, BS, HOME, 'x', END);
  });

  it('adds a combining mark to the character at the end of a row', () => {
    const h = harness({ cols: 6 });
    typeChecked(h, '1234', '\u0301', 'x', '\u0302', HOME, DOWN);
  });

  it('shows completion candidates under a wrapped line', () => {
    const h = harness({ cols: 12 });
    h.type('kubectl get ', '\t');
    h.apply(h.editor.showCandidates(['pods', 'nodes']));
    expect(h.screen.lines()).toEqual(['$ kubectl ge', 't', 'pods', 'nodes', '$ kubectl ge', 't']);
    expectInSync(h);
  });
});

describe('LineEditor.resize', () => {
  function resize(h: Harness, cols: number): void {
    h.screen.resize(cols);
    h.apply(h.editor.resize(cols));
  }

  it('redraws a wrapped line for a narrower terminal', () => {
    const h = harness({ cols: 20, before: 'above\r\n' });
    h.type('kubectl get pods --namespace kube-system', LEFT, LEFT);
    resize(h, 12);
    expect(h.screen.lines()[0]).toBe('above');
    expectInSync(h);
    typeChecked(h, 'X', HOME, 'Y');
  });

  it('redraws a wrapped line for a wider terminal', () => {
    const h = harness({ cols: 10, before: 'above\r\n' });
    h.type('kubectl get pods --namespace kube-system', HOME);
    resize(h, 30);
    expect(h.screen.lines()).toEqual(['above', '$ kubectl get pods --namespace', ' kube-system']);
    expectInSync(h);
  });

  it('redraws only the last line of a multi-line prompt', () => {
    const h = harness({ cols: 10, prompt: '\x1b[1mctx: kind\x1b[0m\n$ ' });
    h.type('get pods -A');
    expect(h.screen.lines()).toEqual(['ctx: kind', '$ get pods', ' -A']);
    resize(h, 6);
    // The fake cuts rows instead of reflowing them; what matters is the head is not redrawn.
    expect(h.screen.lines()).toEqual(['ctx: k', '$ get', 'pods -', 'A']);
    expectInSync(h, '$ ');
  });

  it('only records the width while no line is being edited', () => {
    const h = harness({ cols: 10 });
    h.type('ls\r');
    expect(h.editor.resize(30)).toEqual({ output: '', actions: [] });
    h.screen.resize(30);
    h.apply(h.editor.prompt());
    typeChecked(h, 'a'.repeat(40));
  });

  it('is a no-op for the same width', () => {
    const h = harness({ cols: 10 });
    h.type('abc');
    expect(h.editor.resize(10).output).toBe('');
  });
});

describe('LineEditor rendering under random editing', () => {
  const chars = ['a', 'b', ' ', '-', '漢', 'é', '\u0301', '🚀'];
  const keys = [LEFT, RIGHT, HOME, END, BS, '\x1b[3~', '\x17', '\x15', '\x0b', '\x19', '\x1bb', '\x1bf', UP, DOWN, '\x04'];
  const chunk = fc.oneof(
    fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
    fc.constantFrom(...keys),
  );

  it('always leaves the screen showing exactly prompt + line with the cursor in place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 17 }),
        fc.constantFrom('$ ', COLOR_PROMPT, '>', '長い> '),
        fc.array(chunk, { maxLength: 25 }),
        (cols, prompt, chunks) => {
          // The prompt starts on the bottom row, so every new row must come from scrolling.
          const history = ['x'.repeat(cols * 2 + 1), 'short'];
          const h = harness({ cols, prompt, rows: 60, before: 'l\r\n'.repeat(59), history });
          for (const c of chunks) {
            h.type(c);
            expectInSync(h);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives random resizes while editing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(chunk, fc.integer({ min: 5, max: 30 })), { maxLength: 25 }),
        (steps) => {
          const h = harness({ cols: 12, rows: 60, before: 'out\r\n' });
          for (const step of steps) {
            if (typeof step === 'number') {
              h.screen.resize(step);
              h.apply(h.editor.resize(step));
            } else {
              h.type(step);
            }
            expectInSync(h);
            expect(h.screen.lines()[0]).toBe('out');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
