/**
 * The notebook's only up-front script: one delegated click handler and one key handler for the
 * code blocks' toolbars. Copy works right here; running cells, opening and applying manifests
 * load the runtime on first use. Saved cell outputs bring the runtime in at once to show them.
 */
import { storageKey } from '../persistence/storage-key.ts';
import { SANDBOX_RESET_EVENT } from './sandbox-link.ts';

type Runtime = typeof import('./runtime.ts');
let runtime: Promise<Runtime> | undefined;
const load = (): Promise<Runtime> => (runtime ??= import('./runtime.ts').then((m) => (m.start(), m)));

document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-cell-action]');
  const block = button?.closest<HTMLElement>('[data-code-block]');
  if (!button || !block) return;
  const action = button.dataset.cellAction!;
  if (action === 'copy') void copy(block, button);
  else void load().then((m) => m.act(action, block));
});

// Shift+Enter or Ctrl/Cmd+Enter on a focused cell runs it, as in a notebook.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || !(e.shiftKey || e.ctrlKey || e.metaKey)) return;
  const block = (e.target as Element | null)?.closest?.<HTMLElement>('[data-code-block][data-run]');
  if (!block || (e.target as Element).closest('[data-cell-output]')) return;
  e.preventDefault();
  void load().then((m) => m.act('run', block));
});

// A reset (dispatched on the sandbox; seen here in the capture phase) drops that sandbox's outputs.
document.addEventListener(
  SANDBOX_RESET_EVENT,
  (e) => {
    const id = (e.target as HTMLElement).dataset?.sandboxId;
    if (!id) return;
    if (runtime) void runtime.then((m) => m.reset(id));
    else forget(id);
  },
  true,
);

if (document.querySelector('[data-run]') && [...document.querySelectorAll<HTMLElement>('wh-sandbox[data-sandbox-id]')].some((s) => saved(s.dataset.sandboxId!))) void load();

function cellsKey(id: string): string {
  return `${storageKey(location.pathname, id)}:cells`;
}

function saved(id: string): boolean {
  try {
    return localStorage.getItem(cellsKey(id)) !== null;
  } catch {
    return false;
  }
}

function forget(id: string): void {
  try {
    localStorage.removeItem(cellsKey(id));
  } catch {
    /* nothing saved */
  }
}

async function copy(block: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const pre = block.querySelector('pre');
  const text = (pre?.textContent ?? '').replace(/\n+$/, '');
  let label = 'Copied';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard access (an insecure page, a denied permission): select the code instead.
    const selection = getSelection();
    if (pre && selection) {
      const range = document.createRange();
      range.selectNodeContents(pre.querySelector('code') ?? pre);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    label = 'Selected: press Ctrl+C';
  }
  const before = (button.dataset.label ??= button.textContent ?? 'Copy');
  button.textContent = label;
  button.dataset.copied = '';
  clearTimeout(Number(button.dataset.timer));
  button.dataset.timer = String(
    setTimeout(() => {
      button.textContent = before;
      delete button.dataset.copied;
    }, 1500),
  );
}
