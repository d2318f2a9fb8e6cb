/**
 * The editor panel's entry point. mountEditor is light: CodeMirror and the panel load only
 * when the panel is first shown. openInEditor lets kubectl edit, notebook cells and lesson code
 * blocks put a file in front of the learner.
 */
import { HOME } from '@wheelhouse/sim-engine';
import type { SandboxController } from '../controller.ts';
import editorCss from './editor.css?inline';

interface Mounted {
  open(path: string): void;
}

// Keyed by sandbox id: panels receive a per-mount scoped controller, callers may hold the root one.
const mounted = new Map<string, Mounted>();
const pending = new Map<string, string>();

/** SHOW_PANEL_EVENT asks the sandbox chrome to show a panel: detail `{ panel: 'editor' }`, dispatched on the `<wh-sandbox>` element. */
export const SHOW_PANEL_EVENT = 'wh-sandbox-show-panel';

/** mountEditor puts the manifest editor for `controller`'s sandbox inside `el`; it returns the dispose function. */
export function mountEditor(el: HTMLElement, controller: SandboxController): () => void {
  adoptStyles();
  const root = document.createElement('div');
  root.className = 'wh-editor';
  root.innerHTML = '<p class="wh-editor__loading">Loading the editor…</p>';
  el.replaceChildren(root);
  let disposed = false;
  let panel: { dispose(): void; open(path: string): void } | undefined;
  const load = (): void => {
    visible.disconnect();
    void import('./editor-panel.ts').then(({ EditorPanel }) => {
      if (disposed) return;
      root.replaceChildren();
      panel = new EditorPanel(root, controller);
      mounted.set(controller.id, panel);
      const path = pending.get(controller.id);
      pending.delete(controller.id);
      if (path) panel.open(path);
    });
  };
  // Load on first sight, or at once when a file is waiting to be opened.
  const visible = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load();
  });
  visible.observe(root);
  if (pending.has(controller.id)) load();
  return () => {
    disposed = true;
    visible.disconnect();
    panel?.dispose();
    if (mounted.get(controller.id) === panel) mounted.delete(controller.id);
    root.remove();
  };
}

/**
 * openInEditor shows `path` (relative to the home directory, or absolute) in the sandbox's
 * editor, first writing `content` to it when given, and asks the chrome to bring the editor forward.
 */
export function openInEditor(controller: SandboxController, path: string, content?: string): void {
  const fs = controller.session.shell.fs;
  const abs = path.startsWith('/') ? path : `${HOME}/${path}`;
  if (content !== undefined) {
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
    fs.write(abs, content);
    controller.save();
  }
  const panel = mounted.get(controller.id);
  if (panel) panel.open(abs);
  else pending.set(controller.id, abs);
  const host = sandboxElement(controller.id);
  host?.dispatchEvent(new CustomEvent(SHOW_PANEL_EVENT, { bubbles: true, detail: { panel: 'editor' } }));
}

function sandboxElement(id: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>('wh-sandbox')) if (el.dataset.sandboxId === id) return el;
  return null;
}

function adoptStyles(): void {
  if (document.getElementById('wh-editor-css')) return;
  const style = document.createElement('style');
  style.id = 'wh-editor-css';
  style.textContent = editorCss;
  document.head.append(style);
}
