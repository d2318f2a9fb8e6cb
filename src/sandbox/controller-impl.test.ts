import { Session } from '@wheelhouse/sim-engine';
import { describe, expect, it } from 'vitest';
import { SandboxControllerImpl, type TerminalSurface } from './controller-impl.ts';
import { RESTORE_FAILED, SAVE_FAILED, type SandboxNotice } from './sandbox-notice.ts';
import type { Ticker } from './live-clock.ts';
import { MAX_CATCH_UP_MS } from './persistence/catch-up.ts';
import { SavedSandboxStore, type StorageLike } from './persistence/saved-sandbox-store.ts';
import type { Timers } from './persistence/save-scheduler.ts';
import type { Disposable } from './terminal/terminal-session.ts';
import { FakeScreen } from './terminal/testing/fake-screen.ts';
import { flush } from './terminal/testing/fakes.ts';

const T0 = Date.UTC(2026, 0, 12, 9);

/** A terminal surface over FakeScreen that tests can type into. */
class FakeSurface implements TerminalSurface {
  cols = 80;
  screen = new FakeScreen({ cols: 80, rows: 200, strict: false });
  resets = 0;
  readonly #data = new Set<(d: string) => void>();
  write(data: string): void {
    // FakeScreen knows the line editor's sequences; colours do not matter here.
    this.screen.write(data.replace(/\x1b\[[0-9;]*m/g, ''));
  }
  onData(listener: (d: string) => void): Disposable {
    this.#data.add(listener);
    return { dispose: () => this.#data.delete(listener) };
  }
  reset(): void {
    this.resets++;
    this.screen = new FakeScreen({ cols: 80, rows: 200, strict: false });
  }
  rows() {
    return [...this.screen.scrollback, ...this.screen.lines()].map((text) => ({ text, wrapped: false }));
  }
  type(...chunks: string[]): void {
    for (const c of chunks) for (const l of [...this.#data]) l(c);
  }
  text(): string {
    return this.rows().map((r) => r.text).join('\n');
  }
}

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

function harness(opts: { storage?: MemoryStorage; wall?: number } = {}) {
  const storage = opts.storage ?? new MemoryStorage();
  let wall = opts.wall ?? T0;
  let perf = 0;
  let tick: (() => void) | undefined;
  const ticker: Ticker = {
    wallNow: () => perf,
    start(fn) {
      tick = fn;
      return () => (tick = undefined);
    },
  };
  const frames: (() => void)[] = [];
  const timeouts: { fn: () => void; at: number }[] = [];
  const timers: Timers = {
    set: (fn, ms) => {
      const t = { fn, at: wall + ms };
      timeouts.push(t);
      return t;
    },
    clear: (h) => {
      const i = timeouts.indexOf(h as (typeof timeouts)[number]);
      if (i >= 0) timeouts.splice(i, 1);
    },
    now: () => wall,
  };
  const notices: SandboxNotice[] = [];
  const edits: string[] = [];
  const terminal = new FakeSurface();
  const controller = new SandboxControllerImpl({
    id: 'sb',
    terminal,
    store: new SavedSandboxStore(storage, 'wheelhouse:sandbox:/lesson/#sb'),
    createSession: () => new Session({ startTime: T0 }),
    ticker,
    requestFrame: (fn) => frames.push(fn),
    timers,
    wallNow: () => wall,
    welcome: 'Welcome!\r\n',
    onNotice: (n) => notices.push(n),
    onEdit: (path) => edits.push(path),
  });
  return {
    controller,
    edits,
    terminal,
    storage,
    notices,
    /** passes real time: the live clock ticks, due saves run, one frame renders. */
    pass(ms: number) {
      perf += ms;
      wall += ms;
      tick?.();
      for (const t of timeouts.filter((x) => x.at <= wall)) {
        timeouts.splice(timeouts.indexOf(t), 1);
        t.fn();
      }
    },
    frame() {
      const due = frames.splice(0);
      for (const f of due) f();
      return due.length;
    },
    setWall(ms: number) {
      wall = ms;
    },
  };
}

async function run(h: ReturnType<typeof harness>, command: string) {
  await h.controller.runInTerminal(command);
}

describe('SandboxControllerImpl: terminal', () => {
  it('greets, then runs commands visibly through the terminal', async () => {
    const h = harness();
    expect(h.terminal.text()).toContain('Welcome!');
    await run(h, 'kubectl run web --image=nginx');
    expect(h.terminal.text()).toContain('learner@wheelhouse:~$ kubectl run web --image=nginx\npod/web created');
    expect(h.controller.terminalSession.history.toArray()).toEqual(['kubectl run web --image=nginx']);
  });

  it('types without running', () => {
    const h = harness();
    h.controller.typeInTerminal('kubectl get pods');
    expect(h.controller.terminalSession.editor.line).toBe('kubectl get pods');
  });

  it('runs quietly, outside the terminal', async () => {
    const h = harness();
    const result = await h.controller.runQuietly('kubectl get pods nope');
    expect(result).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(h.terminal.text()).not.toContain('nope');
  });

  it("leaves the learner's history and $? alone when it runs quietly", async () => {
    const h = harness();
    await run(h, 'true');
    await h.controller.runQuietly('kubectl get pods nope');
    expect((await h.controller.runQuietly('echo $?')).output).toBe('0\n');
    expect((await h.controller.runQuietly('history')).output).toBe('    1  true\n');
  });

  it('kubectl edit waits for the editor: saving applies the file', async () => {
    const h = harness();
    await run(h, 'kubectl create deployment web --image=nginx');
    const done = h.controller.runInTerminal('kubectl edit deploy/web');
    await flush();
    const path = h.controller.editing!;
    expect(path).toMatch(/^\/tmp\/kubectl-edit-\w{10}\.yaml$/);
    expect(h.edits).toEqual([path]);
    expect(h.terminal.text()).toContain(`Editing ${path} in the Editor tab`);
    const fs = h.controller.session.shell.fs;
    fs.write(path, fs.read(path).replace('replicas: 1', 'replicas: 2'));
    h.controller.finishEdit(true);
    await done;
    expect(h.controller.editing).toBeUndefined();
    expect(h.terminal.text()).toContain('deployment.apps/web edited');
  });

  it('Ctrl+C cancels a waiting kubectl edit', async () => {
    const h = harness();
    await run(h, 'kubectl create deployment web --image=nginx');
    const done = h.controller.runInTerminal('kubectl edit deploy/web');
    await flush();
    h.terminal.type('\x03');
    await done;
    expect(h.controller.editing).toBeUndefined();
    expect(h.terminal.text()).toContain('Edit cancelled, no changes made.');
  });

  it('completes with Tab through the kubectl completer', async () => {
    const h = harness();
    await run(h, 'kubectl run web --image=nginx');
    h.terminal.type('kubectl describe pod w', '\t');
    await flush();
    expect(h.controller.terminalSession.editor.line).toBe('kubectl describe pod web ');
  });
});

describe('SandboxControllerImpl: change notifications', () => {
  it('coalesces writes and ticks into one notification per frame', async () => {
    const h = harness();
    let calls = 0;
    const off = h.controller.onChange(() => calls++);
    await run(h, 'kubectl run web --image=nginx');
    h.pass(100);
    h.pass(100);
    expect(h.frame()).toBe(1);
    expect(calls).toBe(1);
    h.pass(16);
    h.frame();
    expect(calls).toBe(2);
    off();
    h.pass(16);
    h.frame();
    expect(calls).toBe(2);
  });

  it('keeps notifying the other panels when one throws', async () => {
    const h = harness();
    const seen: string[] = [];
    const err = console.error;
    console.error = () => {};
    h.controller.onChange(() => {
      throw new Error('broken panel');
    });
    h.controller.onChange(() => seen.push('ok'));
    h.pass(16);
    h.frame();
    console.error = err;
    expect(seen).toEqual(['ok']);
  });
});

describe('SandboxControllerImpl: time', () => {
  it('pauses, plays, fast-forwards and steps to the next event', async () => {
    const h = harness();
    h.controller.setSpeed(0);
    await run(h, 'kubectl run web --image=nginx');
    const t = h.controller.session.cluster.now();
    h.pass(5000);
    expect(h.controller.session.cluster.now()).toBe(t);
    const step = h.controller.step();
    expect(step.stepped).toBe(true);
    expect(h.controller.session.cluster.now()).toBeGreaterThan(t);
    h.controller.setSpeed(10);
    h.pass(1000);
    expect(h.controller.session.cluster.now()).toBeGreaterThanOrEqual(t + 10_000);
    const out = await h.controller.runQuietly('kubectl get pod web --no-headers');
    expect(out.output).toMatch(/Running/);
  });

  it('step pauses a running clock and says when nothing is scheduled', () => {
    const h = harness();
    const result = h.controller.step();
    expect(h.controller.speed).toBe(0);
    expect(result).toEqual({ stepped: false, at: h.controller.session.cluster.now() });
  });
});

describe('SandboxControllerImpl: persistence', () => {
  it('saves after changes settle, not for a sandbox nobody touched', async () => {
    const h = harness();
    h.pass(10_000);
    expect(h.storage.items.size).toBe(0);
    h.controller.saveIfNeeded();
    expect(h.storage.items.size).toBe(0);
    await run(h, 'kubectl run web --image=nginx');
    h.pass(500);
    expect(h.storage.items.size).toBe(0);
    h.pass(6000); // the pod starts: more changes, so the save waits for quiet
    h.pass(1000);
    expect(h.storage.items.size).toBe(1);
    const saved = JSON.parse([...h.storage.items.values()][0]!);
    expect(saved.schema).toBe(1);
    expect(saved.terminal.history).toEqual(['kubectl run web --image=nginx']);
    expect(saved.terminal.scrollback).toContain('pod/web created');
    expect(saved.terminal.scrollback).not.toMatch(/\$ $/);
  });

  it('restores cluster, files, history, scrollback and the paused clock', async () => {
    const storage = new MemoryStorage();
    const first = harness({ storage });
    await run(first, 'kubectl run web --image=nginx');
    await run(first, 'echo hello > notes.txt');
    first.controller.setSpeed(0);
    first.controller.save();
    const pausedAt = first.controller.session.cluster.now();
    first.controller.dispose();

    const second = harness({ storage, wall: T0 + 3_600_000 });
    expect(second.notices).toEqual([]);
    expect(second.controller.speed).toBe(0);
    expect(second.controller.session.cluster.now()).toBe(pausedAt);
    expect(second.terminal.text()).toContain('pod/web created');
    expect(second.terminal.text()).toContain('(Restored your sandbox from 1 hour ago.)');
    // The greeting is part of the restored text, not written a second time.
    expect(second.terminal.text().split('Welcome!')).toHaveLength(2);
    expect((await second.controller.runQuietly('cat notes.txt')).output).toBe('hello\n');
    expect((await second.controller.runQuietly('kubectl get pods -o name')).output).toBe('pod/web\n');
    second.terminal.type('\x1b[A');
    expect(second.controller.terminalSession.editor.line).toBe('echo hello > notes.txt');
  });

  it('advances a running clock by the time the page was closed, at most an hour', async () => {
    const storage = new MemoryStorage();
    const first = harness({ storage });
    await run(first, 'kubectl run web --image=nginx');
    first.controller.save();
    const savedAt = first.controller.session.cluster.now();
    const second = harness({ storage, wall: T0 + 10 * 86_400_000 });
    expect(second.controller.session.cluster.now()).toBe(savedAt + MAX_CATCH_UP_MS);
    expect(second.controller.speed).toBe(1);
  });

  it.each([
    ['corrupt JSON', '{"schema":1,', 'The saved data is not valid JSON.'],
    ['another schema', JSON.stringify({ schema: 99 }), 'It was saved in another format (version 99; this page reads version 1).'],
  ])('discards %s with a notice and starts fresh', async (_label, text, detail) => {
    const storage = new MemoryStorage();
    storage.setItem('wheelhouse:sandbox:/lesson/#sb', text);
    const h = harness({ storage });
    expect(h.notices).toEqual([{ kind: 'restore', title: RESTORE_FAILED, detail }]);
    expect(storage.items.size).toBe(0);
    expect(h.terminal.text()).toContain('Welcome!');
    await run(h, 'kubectl get nodes');
    expect(h.terminal.text()).toContain('node-3');
  });

  it('discards a snapshot that throws on restore', () => {
    const storage = new MemoryStorage();
    const good = harness({ storage });
    good.controller.save();
    const saved = JSON.parse(storage.getItem('wheelhouse:sandbox:/lesson/#sb')!);
    saved.session.version = 42;
    storage.setItem('wheelhouse:sandbox:/lesson/#sb', JSON.stringify(saved));
    const h = harness({ storage });
    expect(h.notices[0]?.title).toBe(RESTORE_FAILED);
    expect(h.notices[0]?.detail).toContain('unsupported saved sandbox version 42');
    expect(h.controller.session.cluster.nodes()).toHaveLength(4);
  });

  it('reports a full storage once, politely', async () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const h = harness({ storage });
    await run(h, 'kubectl run web --image=nginx');
    h.controller.save();
    h.controller.save();
    expect(h.notices).toEqual([{ kind: 'save', title: SAVE_FAILED, detail: "The browser's storage for this site is full." }]);
  });
});

describe('SandboxControllerImpl: reset', () => {
  it('clears the saved state, the terminal and the cluster, and tells subscribers', async () => {
    const h = harness();
    await run(h, 'kubectl run web --image=nginx');
    h.controller.save();
    const before = h.controller.session;
    let resets = 0;
    h.controller.onReset(() => resets++);
    h.controller.setSpeed(0);
    h.controller.reset();
    expect(resets).toBe(1);
    expect(h.storage.items.size).toBe(0);
    expect(h.terminal.resets).toBe(1);
    expect(h.controller.session).not.toBe(before);
    expect(h.controller.speed).toBe(1);
    expect(h.terminal.text()).toContain('Welcome!');
    expect(h.controller.terminalSession.history.length).toBe(0);
    expect((await h.controller.runQuietly('kubectl get pods')).output).toBe('No resources found in default namespace.\n');
    await run(h, 'kubectl get nodes');
    expect(h.terminal.text()).toContain('node-1');
  });
});

describe('SandboxControllerImpl: startFrom', () => {
  const exercise = {
    objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }],
    settleSeconds: 30,
    clock: { speed: 0 },
  };
  const pods = async (h: ReturnType<typeof harness>) => (await h.controller.runQuietly('kubectl get pods -o name')).output;

  it("starts from an exercise's scenario, and Reset returns there until the lesson's start is asked for", async () => {
    const h = harness();
    let resets = 0;
    h.controller.onReset(() => resets++);
    h.controller.startFrom(exercise);
    expect(resets).toBe(1);
    expect(h.controller.speed).toBe(0);
    expect(await pods(h)).toBe('pod/web\n');
    await run(h, 'kubectl run extra --image=nginx');
    expect(await pods(h)).toBe('pod/extra\npod/web\n');
    h.controller.reset();
    expect(await pods(h)).toBe('pod/web\n');
    h.controller.startFrom(undefined);
    expect(await pods(h)).toBe('');
    expect(h.controller.speed).toBe(1);
  });

  it("keeps the exercise's start across a reload", async () => {
    const storage = new MemoryStorage();
    const first = harness({ storage });
    first.controller.startFrom(exercise);
    first.pass(3000);
    expect(storage.items.size).toBe(1);
    first.controller.dispose();

    const second = harness({ storage });
    expect(await pods(second)).toBe('pod/web\n');
    await run(second, 'kubectl run extra --image=nginx');
    second.controller.reset();
    expect(await pods(second)).toBe('pod/web\n');
  });

  it('falls back to the default cluster, with a notice, when the scenario cannot be built', async () => {
    const h = harness();
    h.controller.startFrom({ objects: [{ apiVersion: 'v1', kind: 'Pood', metadata: { name: 'x' } }] } as never);
    expect(h.notices.map((n) => n.title)).toEqual(["This exercise's starting cluster could not be built, so the sandbox starts from the default cluster."]);
    expect((await h.controller.runQuietly('kubectl get nodes -o name')).output).toContain('node/node-1');
  });
});
