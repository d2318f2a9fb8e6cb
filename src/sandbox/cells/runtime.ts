/**
 * The notebook runtime, loaded on first use: runs a lesson's `bash run` cells against their
 * sandbox and shows each cell's output under it with an execution counter, queues runs per
 * sandbox, stops a running cell, replays the cells above one, keeps outputs with the sandbox's
 * saved state and drops them when the sandbox is reset. YAML manifests open in the editor or
 * are applied from the terminal.
 */
import type { SandboxController } from '../controller.ts';
import { storageKey } from '../persistence/storage-key.ts';
import { cellIds, resolveSandboxId } from './cell-ids.ts';
import { appendOutput, CellStore, type CellRecord, type CellsState, type Segment } from './cell-store.ts';
import { splitCommands, stripAnsi } from './commands.ts';
import { connect, hostById, lessonHost, sandboxHosts, type SandboxHost } from './sandbox-link.ts';

interface Cell {
  block: HTMLElement;
  id: string;
  sandboxId: string | undefined;
  named: string | undefined;
}

interface Job {
  cell: Cell;
  cancelled: boolean;
  signal: { interrupted: boolean };
}

interface Group {
  id: string;
  store: CellStore;
  state: CellsState;
  tail: Promise<void>;
  jobs: Set<Job>;
}

let cells: Cell[] = [];
const groups = new Map<string, Group>();
let started = false;

/** start indexes the page's cells, shows saved outputs and follows sandbox resets (idempotent). */
export function start(): void {
  if (started) return;
  started = true;
  const blocks = [...document.querySelectorAll<HTMLElement>('[data-code-block][data-run]')];
  const ids = cellIds(blocks.map((b) => b.dataset.cellHash ?? ''));
  const sandboxIds = sandboxHosts().map((h) => h.dataset.sandboxId!);
  const lessonId = lessonHost()?.dataset.sandboxId;
  cells = blocks.map((block, i) => ({ block, id: ids[i]!, named: block.dataset.sandbox, sandboxId: resolveSandboxId(block.dataset.sandbox, sandboxIds, lessonId) }));
  for (const cell of cells) {
    const record = cell.sandboxId ? group(cell.sandboxId).state.cells[cell.id] : undefined;
    if (record) show(cell, record, 'done');
  }
}

/** reset forgets the outputs of one sandbox's cells (its `wh-sandbox-reset`). */
export function reset(sandboxId: string): void {
  start();
  const g = group(sandboxId);
  stopAll(g);
  g.store.clear();
  g.state = { version: 1, counter: 0, cells: {} };
  for (const cell of cells) {
    if (cell.sandboxId !== sandboxId) continue;
    setCount(cell, ' ');
    const out = outputOf(cell);
    out.hidden = true;
    out.replaceChildren();
  }
}

/** act performs a toolbar action on a code block: run, run-above, stop, open, apply. */
export function act(action: string, block: HTMLElement): void {
  start();
  const cell = cells.find((c) => c.block === block);
  switch (action) {
    case 'run':
      if (cell) void enqueue([cell]);
      return;
    case 'run-above':
      if (cell) void enqueue(cells.slice(0, cells.indexOf(cell)).filter((c) => c.sandboxId === cell.sandboxId));
      return;
    case 'stop':
      if (cell?.sandboxId) stopAll(group(cell.sandboxId));
      return;
    case 'open':
    case 'apply':
      void manifest(action, block);
      return;
  }
}

function group(id: string): Group {
  let g = groups.get(id);
  if (!g) {
    const store = new CellStore(`${storageKey(location.pathname, id)}:cells`, safeStorage());
    g = { id, store, state: store.load(), tail: Promise.resolve(), jobs: new Set() };
    groups.set(id, g);
  }
  return g;
}

function safeStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

async function enqueue(list: Cell[]): Promise<void> {
  for (const cell of list) {
    if (!cell.sandboxId) {
      show(cell, { count: 0, output: [{ stream: 'err', text: `This cell runs in the sandbox "${cell.named ?? ''}", which is not on this page.\n` }] }, 'done');
      continue;
    }
    const g = group(cell.sandboxId);
    const job: Job = { cell, cancelled: false, signal: { interrupted: false } };
    g.jobs.add(job);
    setCount(cell, '*');
    showStatus(cell, 'Waiting to run…', true);
    g.tail = g.tail.then(() => execute(g, job)).catch((e: unknown) => console.error(e));
  }
}

async function execute(g: Group, job: Job): Promise<void> {
  const { cell } = job;
  if (job.cancelled) {
    g.jobs.delete(job);
    restoreCount(g, cell);
    return;
  }
  const host = hostById(g.id);
  let controller: SandboxController;
  try {
    showStatus(cell, 'Starting the sandbox…', true);
    controller = await connect(host as SandboxHost);
  } catch (e) {
    g.jobs.delete(job);
    show(cell, { count: 0, output: [{ stream: 'err', text: `${e instanceof Error ? e.message : String(e)}\n` }] }, 'done');
    return;
  }
  followReset(g, controller);
  const count = ++g.state.counter;
  let record: CellRecord = { count, output: [] };
  // Saved as it goes: a reload in the middle shows what ran, marked as stopped.
  const keep = (): void => {
    g.state.cells[cell.id] = { ...record, status: undefined, stopped: true };
    g.store.save(g.state);
  };
  keep();
  window.addEventListener('pagehide', keep);
  show(cell, record, 'running');
  const session = controller.session;
  const code = codeOf(cell.block);
  let status = 0;
  let ran = false;
  const write = (stream: Segment['stream']) => (text: string) => {
    record = { ...record, output: appendOutput(record.output, stream, stripAnsi(text)) };
    queueRender(cell, record);
  };
  try {
    for (const command of splitCommands(code, (s) => session.needsMore(s))) {
      if (job.signal.interrupted) break;
      // A cell is the learner's, but like a notebook kernel's it stays out of the terminal's
      // `history` and `$?`; within the cell, `$?` follows the cell's own commands.
      status = await session.run(command, { stdout: write('out'), stderr: write('err') }, job.signal, { quiet: true, ...(ran ? { status } : {}) });
      ran = true;
    }
  } catch (e) {
    write('err')(`${e instanceof Error ? e.message : String(e)}\n`);
    status = 1;
  }
  window.removeEventListener('pagehide', keep);
  record = { ...record, status: job.signal.interrupted ? undefined : status, stopped: job.signal.interrupted || undefined };
  g.jobs.delete(job);
  g.state.cells[cell.id] = record;
  g.store.save(g.state);
  show(cell, record, 'done');
  controller.save();
}

// The chrome announces resets with SANDBOX_RESET_EVENT (handled in boot.ts); a controller that
// also offers onReset is followed directly, so outputs go with a reset either way.
const following = new WeakSet<object>();
function followReset(g: Group, controller: SandboxController): void {
  const withReset = controller as SandboxController & { onReset?: (listener: () => void) => () => void };
  if (typeof withReset.onReset !== 'function' || following.has(controller)) return;
  following.add(controller);
  withReset.onReset(() => reset(g.id));
}

function stopAll(g: Group): void {
  for (const job of g.jobs) {
    job.cancelled = true;
    job.signal.interrupted = true;
    // A command notices at its next step (a sleep wakes each second of cluster time).
    const status = job.cell.block.querySelector('.cell-output__status');
    if (status && job.cell.block.classList.contains('is-running')) status.textContent = 'Stopping…';
  }
}

function restoreCount(g: Group, cell: Cell): void {
  const record = g.state.cells[cell.id];
  setCount(cell, record ? String(record.count) : ' ');
  const out = outputOf(cell);
  if (!record) {
    out.hidden = true;
    out.replaceChildren();
  } else show(cell, record, 'done');
}

// Rendering ------------------------------------------------------------------

const pendingRender = new Map<Cell, CellRecord>();
let renderFrame = 0;

function queueRender(cell: Cell, record: CellRecord): void {
  pendingRender.set(cell, record);
  renderFrame ||= requestAnimationFrame(() => {
    renderFrame = 0;
    for (const [c, r] of pendingRender) renderText(c, r);
    pendingRender.clear();
  });
}

function outputOf(cell: Cell): HTMLElement {
  let out = cell.block.querySelector<HTMLElement>('[data-cell-output]');
  if (!out) {
    out = document.createElement('div');
    out.className = 'cell-output';
    out.dataset.cellOutput = '';
    cell.block.append(out);
  }
  return out;
}

function parts(cell: Cell): { status: HTMLElement; stop: HTMLButtonElement; text: HTMLElement } {
  const out = outputOf(cell);
  let head = out.querySelector<HTMLElement>('.cell-output__head');
  if (!head) {
    out.innerHTML = `<div class="cell-output__head"><span class="cell-output__status" role="status"></span><button type="button" class="code-block__button code-block__button--stop" data-cell-action="stop" hidden>Stop</button></div><pre class="cell-output__text" tabindex="0" aria-label="Output"></pre>`;
    head = out.querySelector<HTMLElement>('.cell-output__head')!;
  }
  return { status: head.querySelector('.cell-output__status')!, stop: head.querySelector('button')!, text: out.querySelector('.cell-output__text')! };
}

function showStatus(cell: Cell, message: string, stoppable: boolean): void {
  const out = outputOf(cell);
  out.hidden = false;
  const p = parts(cell);
  p.status.textContent = message;
  p.status.parentElement!.classList.remove('is-quiet');
  p.stop.hidden = !stoppable;
  cell.block.classList.toggle('is-running', stoppable);
}

function show(cell: Cell, record: CellRecord, phase: 'running' | 'done'): void {
  pendingRender.delete(cell);
  const running = phase === 'running';
  setCount(cell, running ? '*' : record.count ? String(record.count) : ' ');
  const out = outputOf(cell);
  out.hidden = false;
  const p = parts(cell);
  p.stop.hidden = !running;
  cell.block.classList.toggle('is-running', running);
  out.classList.toggle('is-failed', !running && (record.status ?? 0) !== 0);
  // A cell that finished well needs no words on screen (screen readers still hear it); running, stopped and failed ones do.
  const quiet = !running && !record.stopped && !record.status;
  p.status.textContent = running ? 'Running…' : record.stopped ? 'Stopped' : record.status ? `Exit status ${record.status}` : record.count ? `Cell ${record.count} finished` : '';
  p.status.parentElement!.classList.toggle('is-quiet', quiet);
  renderText(cell, record);
}

function renderText(cell: Cell, record: CellRecord): void {
  const { text } = parts(cell);
  const nodes = record.output.map((s) => {
    if (s.stream === 'out') return document.createTextNode(s.text);
    const span = document.createElement('span');
    span.className = 'is-err';
    span.textContent = s.text;
    return span;
  });
  text.replaceChildren(...nodes);
  text.hidden = record.output.length === 0;
  text.scrollTop = text.scrollHeight;
}

function setCount(cell: Cell, value: string): void {
  const el = cell.block.querySelector('[data-cell-count]');
  if (el) el.textContent = `[${value}]`;
}

function codeOf(block: HTMLElement): string {
  return block.querySelector('pre')?.textContent ?? '';
}

// YAML manifests --------------------------------------------------------------

async function manifest(action: 'open' | 'apply', block: HTMLElement): Promise<void> {
  const host = lessonHost();
  if (!host) return;
  const button = block.querySelector<HTMLButtonElement>(`[data-cell-action="${action}"]`);
  if (button) button.disabled = true;
  try {
    const controller = await connect(host);
    const { openInEditor } = await import('../editor/index.ts');
    const content = `${codeOf(block).replace(/\n*$/, '')}\n`;
    const name = placeFile(controller, block.dataset.file ?? 'manifest.yaml', content);
    if (action === 'open') openInEditor(controller, name);
    else await controller.runInTerminal(`kubectl apply -f ${commandPath(controller, name)}`);
  } catch (e) {
    console.error(e);
  } finally {
    if (button) button.disabled = false;
  }
}

// Writes the manifest to the home directory under its name, or the next free one when a different file is there.
function placeFile(controller: SandboxController, wanted: string, content: string): string {
  // Relative paths are taken from the home directory by the sandbox filesystem.
  const fs = controller.session.shell.fs;
  const dot = wanted.lastIndexOf('.') > 0 ? wanted.lastIndexOf('.') : wanted.length;
  for (let i = 1; ; i++) {
    const name = i === 1 ? wanted : `${wanted.slice(0, dot)}-${i}${wanted.slice(dot)}`;
    const abs = fs.resolve(name);
    if (fs.kind(abs) === 'file' && fs.read(abs) !== content) continue;
    if (fs.kind(abs) === 'dir') continue;
    if (fs.kind(abs) === undefined) {
      fs.write(abs, content);
      controller.save();
    }
    return name;
  }
}

function commandPath(controller: SandboxController, name: string): string {
  try {
    const s = controller.session.shell;
    return s.snapshot().cwd === s.fs.resolve('.') ? name : `~/${name}`;
  } catch {
    return `~/${name}`;
  }
}

