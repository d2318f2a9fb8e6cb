/**
 * LineEditor is the pseudo-shell's readline: a pure state machine fed raw xterm.js input that
 * answers with terminal output and actions for its host. It never touches the terminal itself.
 */
import { charWidth, type CharWidthFn } from './char-width.ts';
import type { EditorKey } from './escape-sequences.ts';
import { History } from './history.ts';
import { HistoryNavigator } from './history-navigator.ts';
import { InputQueue, type QueuedToken } from './input-queue.ts';
import { LineBuffer } from './line-buffer.ts';
import { formatColumns, LineRenderer } from './render.ts';

/** EditorAction is something the host must act on; `cursor` values are UTF-16 offsets into `line`. */
export type EditorAction =
  | { readonly type: 'submit'; readonly line: string }
  | { readonly type: 'interrupt'; readonly line: string }
  | { readonly type: 'eof' }
  | { readonly type: 'complete'; readonly line: string; readonly cursor: number; readonly repeated: boolean }
  | { readonly type: 'clear' };

/** EditorResult is what to write to the terminal, in order, and the actions that arose. */
export interface EditorResult {
  readonly output: string;
  readonly actions: readonly EditorAction[];
}

/** EditorWait says what host call the editor is waiting for before it reads more input. */
export type EditorWait = 'prompt' | 'completion' | null;

/** LineEditorOptions configures a LineEditor. */
export interface LineEditorOptions {
  /** Terminal width in cells; defaults to 80. */
  readonly cols?: number;
  /** Shared history; a private one is created when omitted. */
  readonly history?: History;
  /** Cell width of a code point; pass one matching xterm's active unicode version. */
  readonly charWidth?: CharWidthFn;
}

/** CLEAR_SCREEN homes the cursor and erases the screen, as bash's clear-screen does. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** LineEditor edits one line at a time with bash/readline keys, history and kill/yank. */
export class LineEditor {
  /** history receives submitted lines and feeds Up/Down. */
  readonly history: History;
  readonly #buffer: LineBuffer;
  readonly #renderer: LineRenderer;
  #prompt = '';
  #wait: EditorWait = 'prompt';
  readonly #queue = new InputQueue();
  #out = '';
  #actions: EditorAction[] = [];
  #killed = '';
  #lastKey: EditorKey | 'text' | null = null;
  readonly #navigator: HistoryNavigator;

  /** LineEditor's constructor leaves it waiting for the first prompt() call. */
  constructor(options: LineEditorOptions = {}) {
    const width = options.charWidth ?? charWidth;
    this.history = options.history ?? new History();
    this.#navigator = new HistoryNavigator(this.history);
    this.#buffer = new LineBuffer(width);
    this.#renderer = new LineRenderer(options.cols ?? 80, width);
  }

  /** line is the text currently being edited. */
  get line(): string {
    return this.#buffer.text;
  }

  /** cursor is the cursor as a UTF-16 offset into `line`. */
  get cursor(): number {
    return this.#buffer.cursorOffset;
  }

  /** cols is the terminal width the editor lays lines out for. */
  get cols(): number {
    return this.#renderer.cols;
  }

  /** waitingFor tells which host call input is queued behind, or null while editing. */
  get waitingFor(): EditorWait {
    return this.#wait;
  }

  /** hasPendingInput reports queued input not yet processed (pasted lines, typeahead). */
  get hasPendingInput(): boolean {
    return !this.#queue.isEmpty;
  }

  /**
   * prompt starts a new empty line (the terminal cursor must be at column 0) and then
   * processes queued input, which may submit again. Omit `text` to reuse the last prompt.
   */
  prompt(text?: string): EditorResult {
    if (text !== undefined) this.#prompt = text;
    this.#renderer.setPrompt(this.#prompt);
    this.#resetLine();
    this.#wait = null;
    this.#out += this.#renderer.draw(this.#buffer.chars, 0);
    return this.#process();
  }

  /** feed handles raw input exactly as xterm.js's onData delivers it. */
  feed(data: string): EditorResult {
    this.#queue.push(data);
    return this.#process();
  }

  /** resize adopts a new terminal width, redrawing the line being edited. */
  resize(cols: number): EditorResult {
    if (Math.max(2, Math.floor(cols)) === this.#renderer.cols) return this.#take();
    if (this.#wait === 'prompt') {
      // Nothing is drawn, so only future layout changes.
      this.#renderer.setCols(cols);
      return this.#take();
    }
    this.#out += this.#renderer.resize(cols, this.#buffer.chars, this.#buffer.cursor);
    return this.#take();
  }

  /**
   * insertCompletion replaces the `replace` UTF-16 units before the cursor with `text` and
   * resumes input processing if the editor was waiting for a completion.
   */
  insertCompletion(text: string, replace = 0): EditorResult {
    if (this.#wait !== 'prompt') {
      const clean = sanitize(text);
      if (clean !== '' || replace > 0) {
        const end = this.#buffer.cursor;
        const start = replace > 0 ? this.#buffer.offsetToIndex(this.#buffer.cursorOffset - replace) : end;
        this.#buffer.remove(start, end);
        this.#buffer.insert(clean);
        this.#refresh(start);
        this.#lastKey = 'text'; // a Tab after a successful completion is a fresh first Tab
      }
    }
    return this.#resumeAfterCompletion();
  }

  /** showCandidates lists completions below the line, then redraws prompt and line (double Tab). */
  showCandidates(candidates: readonly string[]): EditorResult {
    if (this.#wait !== 'prompt' && candidates.length > 0) {
      const rows = formatColumns(candidates, this.#renderer.cols);
      this.#out += this.#renderer.moveTo(this.#buffer.chars, this.#buffer.length) + '\r\n';
      this.#out += rows.map((row) => `${row}\r\n`).join('');
      this.#out += this.#renderer.draw(this.#buffer.chars, this.#buffer.cursor);
    }
    return this.#resumeAfterCompletion();
  }

  /** resume continues after a `complete` action when there is nothing to insert or show. */
  resume(): EditorResult {
    return this.#resumeAfterCompletion();
  }

  /** replaceLine swaps the line being edited for `text`, cursor at its end; ignored unless a prompt is being edited. */
  replaceLine(text: string): EditorResult {
    if (this.#wait === null) {
      this.#buffer.set(sanitize(text.replace(/[\r\n\t]+/g, ' ')));
      this.#navigator.reset();
      this.#refresh(0);
      this.#lastKey = 'text';
    }
    return this.#take();
  }

  /** discardPending drops queued input, as a tty flushes typeahead on SIGINT. */
  discardPending(): void {
    this.#queue.clear();
  }

  #resumeAfterCompletion(): EditorResult {
    if (this.#wait === 'completion') this.#wait = null;
    return this.#process();
  }

  #process(): EditorResult {
    while (this.#wait === null) {
      const next = this.#queue.next();
      if (next === undefined) break;
      this.#handle(next);
    }
    return this.#take();
  }

  #take(): EditorResult {
    const result = { output: this.#out, actions: this.#actions };
    this.#out = '';
    this.#actions = [];
    return result;
  }

  #handle({ token, pasted, bracketed }: QueuedToken): void {
    if (token.kind === 'ignored') return;
    if (token.kind === 'text') {
      this.#insert(token.text);
      this.#lastKey = 'text';
      return;
    }
    const k = token.key;
    if (bracketed && k !== 'enter' && k !== 'tab') return; // pasted control bytes are not keys
    if (k === 'tab' && pasted) {
      this.#insert(' ');
      this.#lastKey = 'text';
      return;
    }
    this.#key(k);
    this.#lastKey = k;
  }

  #key(k: EditorKey): void {
    const b = this.#buffer;
    switch (k) {
      case 'left': return this.#move(b.charStartBefore());
      case 'right': return this.#move(b.charEndAfter());
      case 'wordLeft': return this.#move(b.wordStartBefore());
      case 'wordRight': return this.#move(b.wordEndAfter());
      case 'home': return this.#move(0);
      case 'end': return this.#move(b.length);
      case 'up': return this.#recall(-1);
      case 'down': return this.#recall(1);
      case 'backspace': return this.#delete(b.charStartBefore(), b.cursor);
      case 'delete': return this.#delete(b.cursor, b.charEndAfter());
      case 'eofOrDelete':
        if (b.length === 0) this.#actions.push({ type: 'eof' });
        else this.#delete(b.cursor, b.charEndAfter());
        return;
      case 'killToStart': return this.#kill(0, b.cursor, true);
      case 'killToEnd': return this.#kill(b.cursor, b.length, false);
      case 'killWordBack': return this.#kill(b.spaceWordStartBefore(), b.cursor, true);
      case 'killAlnumWordBack': return this.#kill(b.wordStartBefore(), b.cursor, true);
      case 'killWordForward': return this.#kill(b.cursor, b.wordEndAfter(), false);
      case 'yank': return this.#insert(this.#killed);
      case 'enter': return this.#submit();
      case 'tab': return this.#requestCompletion();
      case 'clear': return this.#clearScreen();
      case 'interrupt': return this.#interrupt();
    }
  }

  #insert(text: string): void {
    if (text === '') return;
    const from = this.#buffer.cursor;
    this.#buffer.insert(text);
    this.#refresh(from);
  }

  #move(index: number): void {
    this.#buffer.moveTo(index);
    this.#out += this.#renderer.moveTo(this.#buffer.chars, this.#buffer.cursor);
  }

  #delete(start: number, end: number): void {
    if (start === end) return;
    this.#buffer.remove(start, end);
    this.#refresh(start);
  }

  #kill(start: number, end: number, backward: boolean): void {
    if (start === end) return;
    const removed = this.#buffer.remove(start, end);
    // Consecutive kills accumulate, as in readline, so Ctrl+W Ctrl+W then Ctrl+Y restores both.
    const appending = this.#lastKey !== null && KILL_KEYS.has(this.#lastKey);
    this.#killed = !appending ? removed : backward ? removed + this.#killed : this.#killed + removed;
    this.#refresh(start);
  }

  #refresh(from: number): void {
    this.#out += this.#renderer.update(this.#buffer.chars, from, this.#buffer.cursor);
  }

  #recall(delta: number): void {
    const text = this.#navigator.move(delta, this.#buffer.text);
    if (text === undefined) return;
    this.#buffer.set(text);
    this.#refresh(0);
  }

  #submit(): void {
    const line = this.#buffer.text;
    this.#out += this.#renderer.moveTo(this.#buffer.chars, this.#buffer.length) + '\r\n';
    this.history.add(line);
    this.#resetLine();
    this.#wait = 'prompt';
    this.#actions.push({ type: 'submit', line });
  }

  #interrupt(): void {
    const line = this.#buffer.text;
    this.#out += this.#renderer.moveTo(this.#buffer.chars, this.#buffer.length) + '^C\r\n';
    this.#resetLine();
    this.#out += this.#renderer.draw(this.#buffer.chars, 0);
    this.#actions.push({ type: 'interrupt', line });
  }

  #requestCompletion(): void {
    const repeated = this.#lastKey === 'tab';
    this.#wait = 'completion';
    this.#actions.push({ type: 'complete', line: this.#buffer.text, cursor: this.#buffer.cursorOffset, repeated });
  }

  #clearScreen(): void {
    this.#out += CLEAR_SCREEN + this.#renderer.draw(this.#buffer.chars, this.#buffer.cursor);
    this.#actions.push({ type: 'clear' });
  }

  #resetLine(): void {
    this.#buffer.set('');
    this.#navigator.reset();
    this.#lastKey = null;
  }
}

const KILL_KEYS: ReadonlySet<EditorKey | 'text'> = new Set<EditorKey | 'text'>([
  'killToStart', 'killToEnd', 'killWordBack', 'killAlnumWordBack', 'killWordForward',
]);

/** Completions are inserted literally, so anything that is not printable text is dropped. */
function sanitize(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
}
