/**
 * mountSandbox turns a `<wh-sandbox>` placeholder into a live sandbox: the toolbar (clock and
 * time controls, reset, screen-reader mode), an xterm.js terminal running the learner's shell
 * against a simulated cluster, the event panel, chaos controls where the lesson enables them,
 * and tabs for the panels other modules contribute (editor, cluster map). The controller is
 * exposed as `host.sandbox`; `wh-sandbox-ready` is dispatched once the terminal is live and
 * `wh-sandbox-reset` after every reset (both bubble, with `detail.controller`).
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { buildSession, loadKubectl, loadTextTools, type ScenarioInput } from '@wheelhouse/sim-engine';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { mountChaosControls } from './chaos/chaos-controls.ts';
import { parseChaosOptions } from './chaos/options.ts';
import { h, icon, ICONS } from './chrome/dom.ts';
import { Notices } from './chrome/notices.ts';
import { contributedPanels, PanelHost } from './chrome/panel-host.ts';
import { mountResetControl } from './chrome/reset-control.ts';
import { Tabs, type TabSpec } from './chrome/tabs.ts';
import { enableToolbarArrows } from './chrome/toolbar-keys.ts';
import { SandboxControllerImpl } from './controller-impl.ts';
import { mountEvents } from './events/event-panel.ts';
import { SavedSandboxStore, type StorageLike } from './persistence/saved-sandbox-store.ts';
import { storageKey } from './persistence/storage-key.ts';
import { terminalKeyAction } from './terminal-keys.ts';
import { terminalTheme } from './terminal-theme.ts';
import { welcome } from './welcome.ts';
import { mountTimeControls } from './time/time-controls.ts';
import { xtermSurface } from './xterm-surface.ts';

/** SHOW_PANEL_EVENT asks the chrome to bring a panel's tab forward: detail `{ panel: 'editor' | 'map' | 'terminal' }`. */
export const SHOW_PANEL_EVENT = 'wh-sandbox-show-panel';

/** SCREEN_READER_PREF remembers the screen-reader mode across sandboxes and visits. */
export const SCREEN_READER_PREF = 'wheelhouse:pref:screen-reader';

/** SandboxHost is a `<wh-sandbox>` element once mounted. */
export type SandboxHost = HTMLElement & { sandbox?: SandboxControllerImpl };

/** SandboxReadyDetail is the detail of the `wh-sandbox-ready` event. */
export interface SandboxReadyDetail {
  controller: SandboxControllerImpl;
}

/** mountSandbox starts the sandbox inside `host` and returns a function that tears it down. */
export function mountSandbox(host: SandboxHost): () => void {
  adoptStyles();
  const id = host.dataset.sandboxId || 'sandbox';
  const storage = localStorageOrUndefined();
  const cleanups: (() => void)[] = [];

  const toolbar = host.querySelector<HTMLElement>('[data-toolbar]') ?? host;
  const terminalPane = host.querySelector<HTMLElement>('[data-panel="terminal"]') ?? host;
  const mount = host.querySelector<HTMLElement>('[data-terminal]') ?? terminalPane;
  const notices = new Notices(host.querySelector<HTMLElement>('[data-notices]') ?? host);
  const confirmArea = host.querySelector<HTMLElement>('[data-confirm]') ?? host;
  const hintId = host.querySelector<HTMLElement>('[data-terminal-hint]')?.id;
  mount.replaceChildren();

  const term = new Terminal({
    cursorBlink: true,
    convertEol: false,
    fontFamily: 'ui-monospace, "Cascadia Mono", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace',
    // Small screens get a smaller font so kubectl's tables still fit a line.
    fontSize: mount.clientWidth < 520 ? 12 : 14,
    scrollback: 5000,
    theme: terminalTheme,
    // Dim and coloured text is lifted to WCAG AA contrast against the dark background.
    minimumContrastRatio: 4.5,
    screenReaderMode: readPref(storage) === 'on',
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new WebLinksAddon());
  term.open(mount);
  const refit = () => {
    if (mount.clientWidth > 0 && mount.clientHeight > 0) fit.fit();
  };
  refit();
  const resize = new ResizeObserver(refit);
  resize.observe(mount);
  cleanups.push(() => resize.disconnect());
  if (hintId) term.textarea?.setAttribute('aria-describedby', hintId);
  // kubectl's verbs and the shell's text tools are fetched on first use: the first keystroke
  // starts fetching them, so a command is ready by the time it is typed, and a sandbox that is
  // only looked at never needs them.
  const warm = term.onData(() => {
    warm.dispose();
    loadKubectl().catch(() => {});
    loadTextTools().catch(() => {});
  });
  cleanups.push(() => warm.dispose());

  let tabs: Tabs | undefined;
  const scenario = readScenario(host);
  const controller = new SandboxControllerImpl({
    id,
    ...(scenario ? { createSession: () => buildSession(scenario, { startTime: Math.floor(Date.now() / 1000) * 1000 }), initialSpeed: scenario.clock?.speed ?? 1 } : {}),
    terminal: xtermSurface(term),
    store: new SavedSandboxStore(storage, storageKey(location.pathname, id)),
    welcome,
    onNotice: (n) => notices.show(n),
    onTerminalUse: (focus) => {
      tabs?.select('terminal');
      if (focus) term.focus();
    },
    onEdit: (path) => {
      void import('./editor/index.ts').then((m) => m.openInEditor(controller, path));
    },
  });

  // Copy, paste and Escape, before xterm.js sees the keys.
  let copied: string | undefined;
  const onCopy = (e: ClipboardEvent) => {
    copied = e.clipboardData?.getData('text/plain') || term.getSelection();
  };
  mount.addEventListener('copy', onCopy);
  cleanups.push(() => mount.removeEventListener('copy', onCopy));
  term.attachCustomKeyEventHandler((e) => {
    const action = terminalKeyAction(e, term.hasSelection());
    if (action === 'terminal') return true;
    if (e.type !== 'keydown') return false;
    if (action === 'leave') {
      e.preventDefault();
      toolbar.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    } else if (action === 'copy') {
      // The browser's own copy goes ahead: xterm.js's textarea answers it with the selection.
      // Then the selection is dropped, so the next Ctrl+C interrupts again.
      const text = term.getSelection();
      setTimeout(() => {
        term.clearSelection();
        // Where the copy event did not reach xterm.js, the Clipboard API is the fallback.
        if (copied !== text) void navigator.clipboard?.writeText(text).catch(() => {});
        copied = undefined;
      }, 0);
    }
    // 'paste': xterm.js must not turn Ctrl+V into a ^V byte, but the browser's own paste goes
    // ahead and reaches xterm.js's textarea, which pastes like term.paste() (bracketed paste
    // included). Unlike navigator.clipboard.readText() this needs no permission prompt and
    // works the same in Chromium, Firefox and Safari.
    return false;
  });

  // Toolbar: clock and time controls, reset, screen-reader mode.
  cleanups.push(mountTimeControls(toolbar, controller));
  const panelHost = new PanelHost(controller);
  cleanups.push(() => panelHost.dispose());
  cleanups.push(
    mountResetControl(toolbar, confirmArea, () => {
      controller.reset();
      tabs?.select('terminal');
      term.focus();
    }),
  );
  // However a reset comes (the button, a panel, an exercise), panels start over with the new session.
  cleanups.push(
    controller.onReset(() => {
      notices.clear();
      void panelHost.remountAll();
      refit();
      host.dispatchEvent(new CustomEvent<SandboxReadyDetail>('wh-sandbox-reset', { bubbles: true, detail: { controller } }));
    }),
  );
  cleanups.push(mountScreenReaderToggle(toolbar, term, storage));
  cleanups.push(enableToolbarArrows(toolbar));

  const chaos = parseChaosOptions(host.dataset.chaos);
  const chaosEl = host.querySelector<HTMLElement>('[data-chaos-bar]');
  if (chaos && chaosEl) cleanups.push(mountChaosControls(chaosEl, controller, chaos));

  const eventsEl = host.querySelector<HTMLElement>('[data-panel="events"]');
  if (eventsEl) void panelHost.mount('events', eventsEl, async () => mountEvents);

  // Tabs for the contributed panels; a panel mounts the first time its tab is shown.
  const tabList = host.querySelector<HTMLElement>('[data-tabs]');
  const panes = host.querySelector<HTMLElement>('[data-panes]') ?? terminalPane.parentElement;
  const contributed = contributedPanels();
  if (tabList && panes && contributed.length > 0) {
    const specs: TabSpec[] = [{ name: 'terminal', label: 'Terminal', pane: terminalPane }];
    const loaders = new Map(contributed.map((p) => [p.name, p.load]));
    for (const p of contributed) {
      const pane = host.querySelector<HTMLElement>(`[data-panel="${p.name}"]`) ?? panes.appendChild(h('div', { class: 'sandbox__pane', 'data-panel': p.name }));
      specs.push({ name: p.name, label: p.label, pane });
    }
    tabs = new Tabs(tabList, specs, (name) => {
      if (name === 'terminal') requestAnimationFrame(refit);
      const load = loaders.get(name);
      const pane = specs.find((s) => s.name === name)?.pane;
      if (load && pane) void panelHost.mount(name, pane, load);
    });
  }

  // Panels (the editor's openInEditor) ask for their tab with `wh-sandbox-show-panel`.
  const onShowPanel = (e: Event) => {
    const panel = (e as CustomEvent<{ panel?: unknown }>).detail?.panel;
    if (typeof panel === 'string') tabs?.select(panel);
  };
  host.addEventListener(SHOW_PANEL_EVENT, onShowPanel);
  cleanups.push(() => host.removeEventListener(SHOW_PANEL_EVENT, onShowPanel));

  // Save before the page goes away; pagehide also covers the back/forward cache.
  const saveNow = () => controller.saveIfNeeded();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', onVisibility);
  cleanups.push(() => {
    window.removeEventListener('pagehide', saveNow);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  host.sandbox = controller;
  host.dataset.ready = 'true';
  host.dispatchEvent(new CustomEvent<SandboxReadyDetail>('wh-sandbox-ready', { bubbles: true, detail: { controller } }));
  return () => {
    for (const c of cleanups.splice(0).reverse()) c();
    controller.dispose();
    term.dispose();
    delete host.sandbox;
    delete host.dataset.ready;
  };
}

// A lesson's starting point, when it has one: `data-scenario` holds the scenario as JSON, validated
// (and built once) when the site was built, so the browser builds it without checking it again.
function readScenario(host: HTMLElement): ScenarioInput | undefined {
  const text = host.dataset.scenario;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ScenarioInput;
  } catch {
    return undefined;
  }
}

function mountScreenReaderToggle(toolbar: HTMLElement, term: Terminal, storage: StorageLike | undefined): () => void {
  const on = () => term.options.screenReaderMode === true;
  const button = h(
    'button',
    { type: 'button', class: 'sandbox__button sandbox__button--icon', 'aria-pressed': String(on()), 'aria-label': 'Screen reader mode', title: 'Screen reader mode: lets screen readers read the terminal' },
    icon(ICONS.reader),
  );
  button.addEventListener('click', () => {
    const next = !on();
    term.options.screenReaderMode = next;
    button.setAttribute('aria-pressed', String(next));
    try {
      storage?.setItem(SCREEN_READER_PREF, next ? 'on' : 'off');
    } catch {
      /* the preference just does not persist */
    }
  });
  toolbar.append(button);
  return () => button.remove();
}

function readPref(storage: StorageLike | undefined): string | null {
  try {
    return storage?.getItem(SCREEN_READER_PREF) ?? null;
  } catch {
    return null;
  }
}

function localStorageOrUndefined(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// The terminal's stylesheet travels inside the sandbox bundle, so a page that never shows a
// sandbox never downloads it.
function adoptStyles(): void {
  if (document.getElementById('wh-xterm-css')) return;
  const style = document.createElement('style');
  style.id = 'wh-xterm-css';
  style.textContent = xtermCss;
  document.head.append(style);
}

