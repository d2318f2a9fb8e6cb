/** Test helpers that drive a LineEditor into a FakeScreen and check what the screen shows. */
import { expect } from 'vitest';
import { charWidth } from '../char-width.ts';
import { History } from '../history.ts';
import { LineEditor, type EditorAction, type EditorResult, type LineEditorOptions } from '../line-editor.ts';
import { FakeScreen } from './fake-screen.ts';

/** HarnessOptions configures harness(). */
export interface HarnessOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly prompt?: string;
  readonly history?: readonly string[];
  /** Output printed before the first prompt, e.g. to push the prompt to the bottom. */
  readonly before?: string;
  readonly editor?: LineEditorOptions;
}

/** Harness bundles an editor, the screen it draws on and the actions it emitted. */
export interface Harness {
  readonly editor: LineEditor;
  readonly screen: FakeScreen;
  readonly actions: EditorAction[];
  readonly prompt: string;
  /** type feeds each argument as one onData chunk. */
  type(...chunks: string[]): void;
  /** apply writes a result to the screen and records its actions. */
  apply(result: EditorResult): EditorResult;
}

/** harness prompts a fresh editor on a fresh screen. */
export function harness(options: HarnessOptions = {}): Harness {
  const cols = options.cols ?? 80;
  const prompt = options.prompt ?? '$ ';
  const screen = new FakeScreen({ cols, rows: options.rows ?? 40 });
  const editor = new LineEditor({ cols, history: new History(options.history ?? []), ...options.editor });
  const actions: EditorAction[] = [];
  const apply = (result: EditorResult): EditorResult => {
    screen.write(result.output);
    actions.push(...result.actions);
    return result;
  };
  if (options.before !== undefined) screen.write(options.before);
  apply(editor.prompt(prompt));
  return {
    editor, screen, actions, prompt, apply,
    type: (...chunks) => {
      for (const chunk of chunks) apply(editor.feed(chunk));
    },
  };
}

/** render draws `text` from column 0 on a fresh screen: the oracle for a correct drawing. */
function render(text: string, cols: number): FakeScreen {
  const fresh = new FakeScreen({ cols, rows: 200 });
  fresh.write(text);
  return fresh;
}

/** expectInSync asserts the screen ends with prompt + line exactly as printing it from scratch would show it. */
export function expectInSync(h: Harness, prompt: string = h.prompt): void {
  // Also checked: continuation rows carry the wrapped flag, and the cursor is on the right cell.
  const { screen, editor } = h;
  const cols = screen.cols;
  // The cursor sits on the cell where the character under it starts: on the next row when the
  // row is full or that character is too wide for what is left of the row.
  const before = render(prompt + editor.line.slice(0, editor.cursor), cols).cursor;
  const next = editor.line.codePointAt(editor.cursor);
  const nextWidth = next === undefined ? 0 : charWidth(next);
  const wraps = before.pendingWrap || (nextWidth > 0 && before.col + nextWidth > cols);
  const cursor = wraps ? { row: before.row + 1, col: 0 } : { row: before.row, col: before.col };
  const whole = render(prompt + editor.line, cols);
  const expectedRows = whole.lines();
  const top = screen.cursor.row - cursor.row;
  expect(screen.cursor.pendingWrap, 'cursor left in pending-wrap state').toBe(false);
  expect(screen.cursor.col, 'cursor column').toBe(cursor.col);
  expect(top, 'prompt row').toBeGreaterThanOrEqual(0);
  expect(screen.lines().slice(top), 'screen rows').toEqual(expectedRows);
  for (let r = 1; r < Math.max(expectedRows.length, cursor.row + 1); r++) {
    expect(screen.isWrapped(top + r), `row ${r} of the line is flagged as wrapped`).toBe(true);
  }
}
