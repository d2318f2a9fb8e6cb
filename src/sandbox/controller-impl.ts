/**
 * SandboxControllerImpl is one sandbox's hub: it owns the session (cluster + shell), the live
 * clock, the terminal's read loop and the saved state, and gives the panels one small surface
 * (SandboxController). It touches no DOM: the terminal arrives as a TerminalSurface, storage
 * as a SavedSandboxStore, and frames and timers are injectable, so tests drive it by hand.
 */
import { buildSession, RESOURCES, Session, type ScenarioInput } from '@wheelhouse/sim-engine';
import { shellCompleter } from './completion.ts';
import type { SandboxController } from './controller.ts';
import { animationTicker, LiveClock, type Ticker } from './live-clock.ts';
import { catchUpMs } from './persistence/catch-up.ts';
import { SAVE_SCHEMA, type SavedSandbox } from './persistence/envelope.ts';
import { SaveScheduler, type Timers } from './persistence/save-scheduler.ts';
import type { LoadResult, SavedSandboxStore } from './persistence/saved-sandbox-store.ts';
import { captureScrollback, scrollbackToTerminal, type BufferRow } from './persistence/scrollback.ts';
import { describeAge, RESTORE_FAILED, SAVE_FAILED, type SandboxNotice } from './sandbox-notice.ts';
import { ShellRunner } from './shell-runner.ts';
import { History } from './terminal/history.ts';
import { TerminalSession, type TerminalLike } from './terminal/terminal-session.ts';
import { recolourPrompts, wrapWords } from './terminal-text.ts';
import { stepToNextEvent, type StepResult } from './time/step.ts';

/** TerminalSurface is the terminal as the controller needs it: xterm.js behind a thin adapter, or a fake. */
export interface TerminalSurface extends TerminalLike {
  /** reset clears the screen and the scrollback. */
  reset(): void;
  /** rows returns the normal buffer's rows, oldest first. */
  rows(): BufferRow[];
}

/** FAST_SPEED is the fast-forward speed. */
export const FAST_SPEED = 10;

/** SandboxControllerOptions wires a controller to its terminal, storage and time sources. */
export interface SandboxControllerOptions {
  id: string;
  terminal: TerminalSurface;
  /** Where the sandbox saves; without it nothing persists. */
  store?: SavedSandboxStore;
  /** Builds the lesson's starting session (the default cluster, starting now, by default). */
  createSession?: () => Session;
  /** The clock speed a fresh or reset sandbox starts at (a scenario's `clock.speed`); 1 by default. */
  initialSpeed?: number;
  /** Drives the live clock (animation frames by default). */
  ticker?: Ticker;
  /** Schedules the change notification (requestAnimationFrame by default). */
  requestFrame?: (callback: () => void) => void;
  /** Timers for debounced saves. */
  timers?: Timers;
  /** Wall clock in ms since the epoch, for savedAt and catch-up. */
  wallNow?: () => number;
  /** Greeting written above the first prompt of a fresh sandbox (it may depend on what the session holds). */
  welcome?: string | ((session: Session) => string);
  /** Called when saved state was discarded or could not be written. */
  onNotice?: (notice: SandboxNotice) => void;
  /** Called when a panel drives the terminal; `focus` asks for keyboard focus too. */
  onTerminalUse?: (focus: boolean) => void;
  /** Called when `kubectl edit` opens its temp file: the chrome shows it in the editor. */
  onEdit?: (path: string) => void;
}

/** PendingEdit is the file `kubectl edit` waits on, and how to hand it back. */
interface PendingEdit {
  path: string;
  resolve: (text: string | undefined) => void;
}

interface Restored {
  history: string[];
  scrollback: string;
  speed: number;
  savedAt?: number;
}

// kubectl edit blocks until the file is saved or closed, as it does with a terminal editor: the
// learner sees `deployment.apps/web edited` (or why not) right under the command that caused it,
// and the prompt coming back says the edit is over. This line says where the editor went.
const EDITING_NOTE = (path: string, again: boolean) =>
  again
    ? `\x1b[38;2;155;164;174mReopened ${path} in the Editor tab, with what went wrong at the top.\x1b[0m\r\n`
    : `\x1b[38;2;155;164;174mEditing ${path} in the Editor tab: Save and apply (Ctrl+S) applies it, Cancel (or Ctrl+C here) leaves everything as it was.\x1b[0m\r\n`;

const RESTORED_NOTE = (when: string) => `\x1b[38;2;155;164;174m(Restored your sandbox from ${when}.)\x1b[0m\r\n`;

/** SandboxControllerImpl implements SandboxController for one sandbox. */
export class SandboxControllerImpl implements SandboxController {
  readonly id: string;
  readonly #opts: SandboxControllerOptions;
  readonly #terminal: TerminalSurface;
  readonly #listeners = new Set<() => void>();
  readonly #resetListeners = new Set<() => void>();
  readonly #requestFrame: (callback: () => void) => void;
  readonly #wallNow: () => number;
  readonly #saves: SaveScheduler;
  #session!: Session;
  #clock!: LiveClock;
  #runner!: ShellRunner;
  #terminalSession!: TerminalSession;
  #teardown: (() => void)[] = [];
  #frameQueued = false;
  #generation = 0;
  #worthSaving = false;
  #saveFailureShown = false;
  /** The start chosen by startFrom(), when it is not the lesson's own. */
  #start: ScenarioInput | undefined;
  #disposed = false;
  #edit: PendingEdit | undefined;
  #lastEdited: string | undefined;

  constructor(opts: SandboxControllerOptions) {
    this.id = opts.id;
    this.#opts = opts;
    this.#terminal = opts.terminal;
    this.#wallNow = opts.wallNow ?? (() => Date.now());
    this.#requestFrame = opts.requestFrame ?? defaultRequestFrame;
    this.#saves = new SaveScheduler(() => this.#saveWhenIdle(), opts.timers ? { timers: opts.timers } : {});
    this.#boot(opts.store?.load() ?? { kind: 'empty' });
  }

  /** The current session; reset() replaces it (panels are remounted then). */
  get session(): Session {
    return this.#session;
  }

  /** The current live clock; reset() replaces it with the session. */
  get clock(): LiveClock {
    return this.#clock;
  }

  /** terminalSession is the terminal's read loop (tests and the element use it). */
  get terminalSession(): TerminalSession {
    return this.#terminalSession;
  }

  /** speed is the clock's speed: 0 paused, 1 real time, FAST_SPEED fast-forward. */
  get speed(): number {
    return this.#clock.getSpeed();
  }

  /** hasSavedState tells whether the sandbox holds anything worth keeping across a reload. */
  get hasSavedState(): boolean {
    return this.#worthSaving;
  }

  runInTerminal(command: string): Promise<void> {
    this.#opts.onTerminalUse?.(false);
    return this.#terminalSession.runCommand(command);
  }

  typeInTerminal(command: string): void {
    this.#opts.onTerminalUse?.(true);
    this.#terminalSession.placeCommand(command);
  }

  async runQuietly(command: string): Promise<{ output: string; status: number }> {
    let output = '';
    const collect = (t: string) => {
      output += t;
    };
    const status = await this.#session.run(command, { stdout: collect, stderr: collect }, { interrupted: false }, { quiet: true });
    this.#changed();
    return { output, status };
  }

  /** editing is the path of the file `kubectl edit` is waiting on, if it is waiting. */
  get editing(): string | undefined {
    return this.#edit?.path;
  }

  finishEdit(save: boolean): void {
    const edit = this.#edit;
    if (!edit) return;
    this.#edit = undefined;
    const fs = this.#session.shell.fs;
    edit.resolve(save && fs.kind(edit.path) === 'file' ? fs.read(edit.path) : undefined);
    this.#queueNotify();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** onReset subscribes to resets (after the new session is in place); returns the unsubscribe function. */
  onReset(listener: () => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  /** setSpeed sets the clock's speed (0 pauses); the choice is saved with the sandbox. */
  setSpeed(speed: number): void {
    this.#clock.setSpeed(speed);
    this.#changed();
  }

  /** step pauses the clock and jumps to the cluster's next scheduled piece of work. */
  step(): StepResult {
    if (this.#clock.getSpeed() !== 0) this.#clock.setSpeed(0);
    const result = stepToNextEvent(this.#session.cluster, this.#clock);
    this.#changed();
    return result;
  }

  save(): void {
    const store = this.#opts.store;
    this.#saves.cancel();
    if (!store || this.#disposed) return;
    const result = store.save(this.snapshot());
    this.#worthSaving = true;
    if (!result.ok && !this.#saveFailureShown) {
      this.#saveFailureShown = true;
      this.#opts.onNotice?.({ kind: 'save', title: SAVE_FAILED, detail: result.reason });
    }
  }

  // A big cluster takes a few milliseconds to write down: do it when the browser has time.
  #saveWhenIdle(): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts: { timeout: number }) => number }).requestIdleCallback;
    if (typeof idle !== 'function') return this.save();
    const generation = this.#generation;
    idle(() => {
      if (generation === this.#generation) this.save();
    }, { timeout: 2000 });
  }

  /** saveIfNeeded saves when there is anything to keep (used on pagehide). */
  saveIfNeeded(): void {
    if (this.#worthSaving || this.#saves.pending) this.save();
  }

  /** snapshot is the envelope save() writes. */
  snapshot(): SavedSandbox {
    const idle = this.#terminalSession.idle;
    return {
      schema: SAVE_SCHEMA,
      savedAt: this.#wallNow(),
      session: this.#session.snapshot(),
      terminal: {
        history: this.#terminalSession.history.toArray(),
        // At the prompt the bottom line is the line being edited: the next visit draws a fresh one.
        scrollback: captureScrollback(this.#terminal.rows(), idle ? this.#runner.prompt() : ''),
      },
      clock: { speed: this.#clock.getSpeed() },
      ...(this.#start ? { start: this.#start } : {}),
    };
  }

  reset(): void {
    if (this.#disposed) return;
    this.#saves.cancel();
    this.#opts.store?.clear();
    this.#uninstall();
    this.#terminal.reset();
    this.#install(this.#freshSession(), { history: [], scrollback: '', speed: this.#startSpeed() });
    // A lesson's start needs no saving; an exercise's start must survive a reload.
    this.#worthSaving = this.#start !== undefined;
    if (this.#worthSaving && this.#opts.store) this.#saves.changed();
    for (const listener of [...this.#resetListeners]) listener();
    this.#queueNotify();
  }

  startFrom(scenario: ScenarioInput | undefined): void {
    if (this.#disposed) return;
    this.#start = scenario;
    this.reset();
  }

  /** dispose saves what is worth saving and stops the clock and the terminal loop. */
  dispose(): void {
    if (this.#disposed) return;
    this.saveIfNeeded();
    this.#disposed = true;
    this.#saves.cancel();
    this.#uninstall();
    this.#listeners.clear();
    this.#resetListeners.clear();
  }

  #boot(loaded: LoadResult): void {
    if (loaded.kind === 'discarded') this.#discard(loaded.reason);
    if (loaded.kind === 'ok') {
      const saved = loaded.saved;
      this.#start = saved.start;
      const speed = saved.clock?.speed ?? 1;
      let session: Session | undefined;
      try {
        session = Session.restore(saved.session);
        // Time went on while the page was closed, within reason.
        const catchUp = catchUpMs(saved.savedAt, this.#wallNow(), speed);
        if (catchUp > 0) session.cluster.advance(catchUp);
        session.cluster.drain();
        session.shell.prompt();
      } catch (e) {
        session = undefined;
        this.#discard(`The saved cluster did not load (${e instanceof Error ? e.message : String(e)}).`);
      }
      if (session) {
        this.#install(session, { history: saved.terminal.history, scrollback: saved.terminal.scrollback, speed, savedAt: saved.savedAt });
        this.#worthSaving = true;
        return;
      }
    }
    this.#install(this.#freshSession(), { history: [], scrollback: '', speed: this.#startSpeed() });
  }

  #startSpeed(): number {
    return this.#start ? (this.#start.clock?.speed ?? 1) : (this.#opts.initialSpeed ?? 1);
  }

  #discard(reason: string): void {
    this.#opts.store?.clear();
    this.#opts.onNotice?.({ kind: 'restore', title: RESTORE_FAILED, detail: reason });
  }

  #freshSession(): Session {
    const startTime = Math.floor(this.#wallNow() / 1000) * 1000;
    const start = this.#start;
    const create = start
      ? // Exercise scenarios were validated when the site was built: the browser builds them as they are.
        () => buildSession(start, { startTime })
      : (this.#opts.createSession ?? (() => new Session({ startTime })));
    try {
      return create();
    } catch (e) {
      // A lesson whose start cannot be built still gets a working sandbox: the default cluster.
      this.#opts.onNotice?.({ kind: 'scenario', title: `${start ? "This exercise's" : "This lesson's"} starting cluster could not be built, so the sandbox starts from the default cluster.`, detail: e instanceof Error ? e.message : String(e) });
      return new Session({ startTime });
    }
  }

  #install(session: Session, restored: Restored): void {
    this.#session = session;
    const clock = new LiveClock(session.cluster, this.#opts.ticker ?? animationTicker());
    this.#clock = clock;
    clock.setSpeed(restored.speed);
    session.useSleep((ms) => clock.sleep(ms));
    session.useEditor(
      (_text, { filename }) =>
        new Promise((resolve) => {
          this.#edit?.resolve(undefined);
          this.#edit = { path: filename, resolve };
          // kubectl reopens the same file after a failed save.
          const again = this.#lastEdited === filename;
          this.#lastEdited = filename;
          this.#terminal.write(wrapWords(EDITING_NOTE(filename, again), this.#terminal.cols));
          this.#opts.onEdit?.(filename);
          this.#queueNotify();
        }),
    );
    const unwatch = RESOURCES.map((r) => session.cluster.store.watch(r.kind, () => this.#changed()));
    const untick = clock.onChange(() => this.#queueNotify());

    if (restored.scrollback !== '' || restored.savedAt !== undefined) {
      this.#terminal.write(recolourPrompts(scrollbackToTerminal(restored.scrollback)));
      if (restored.savedAt !== undefined) this.#terminal.write(RESTORED_NOTE(describeAge(this.#wallNow() - restored.savedAt)));
    } else if (this.#opts.welcome) {
      const text = typeof this.#opts.welcome === 'string' ? this.#opts.welcome : this.#opts.welcome(session);
      this.#terminal.write(wrapWords(text, this.#terminal.cols));
    }
    const runner = new ShellRunner(session, () => this.#changed(), () => this.finishEdit(false));
    this.#runner = runner;
    const history = History.fromArray(restored.history, { onChange: () => this.#changed() });
    this.#terminalSession = new TerminalSession({
      terminal: this.#terminal,
      runner,
      prompt: () => runner.prompt(),
      history,
      complete: shellCompleter((line, cursor) => session.shell.complete(line, cursor)),
    });
    clock.start();
    const terminalSession = this.#terminalSession;
    this.#teardown = [
      ...unwatch,
      untick,
      () => terminalSession.dispose(),
      () => clock.dispose(),
    ];
  }

  #uninstall(): void {
    this.#generation++;
    this.#edit?.resolve(undefined);
    this.#edit = undefined;
    for (const stop of this.#teardown.splice(0)) stop();
  }

  #changed(): void {
    if (this.#disposed) return;
    this.#worthSaving = true;
    if (this.#opts.store) this.#saves.changed();
    this.#queueNotify();
  }

  // Many writes and ticks within one frame make one notification.
  #queueNotify(): void {
    if (this.#frameQueued || this.#disposed) return;
    this.#frameQueued = true;
    this.#requestFrame(() => {
      this.#frameQueued = false;
      if (this.#disposed) return;
      for (const listener of [...this.#listeners]) {
        try {
          listener();
        } catch (e) {
          // One broken panel must not stop the others from updating.
          console.error(e);
        }
      }
    });
  }
}

function defaultRequestFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}
