/**
 * EditorPanel is the manifest editor: the home directory's files on the left, CodeMirror on the
 * right. Edits are written to the sandbox filesystem after a short pause (so `cat web.yaml` in
 * the terminal sees them), manifests are checked as they are typed with the engine's
 * validateManifest, and Apply runs `kubectl apply -f <file>` visibly in the terminal. While
 * `kubectl edit` waits on its temp file, the bar offers Save and apply / Cancel instead.
 */
import { HOME } from '@wheelhouse/sim-engine';
import { validateManifest } from '@wheelhouse/sim-engine/manifests';
import type { SandboxController } from '../controller.ts';
import { ManifestEditor } from './codemirror.ts';
import { isManifestPath, toDiagnostics, type EditorDiagnostic } from './diagnostics.ts';
import { EDIT_BAR_HTML, KubectlEditBar } from './edit-bar.ts';
import { checkName, displayPath, listFiles, rel, shellQuote, signature, toAbs, type FsLike } from './files.ts';
import { editorLayout } from './layout.ts';

const WRITE_DELAY_MS = 300;
const SAVE_DELAY_MS = 1500;
const POLL_MS = 400;

/** EditorPanel is one mounted editor. */
export class EditorPanel {
  private readonly controller: SandboxController;
  private readonly root: HTMLElement;
  private readonly editor: ManifestEditor;
  private readonly list: HTMLUListElement;
  private readonly nameForm: HTMLFormElement;
  private readonly nameInput: HTMLInputElement;
  private readonly nameError: HTMLElement;
  private readonly pathLabel: HTMLElement;
  private readonly savedLabel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly cmHost: HTMLElement;
  private readonly confirmRow: HTMLElement;
  private readonly editBar: KubectlEditBar;
  private readonly buttons: Record<'apply' | 'rename' | 'delete', HTMLButtonElement>;
  private files: string[] = [];
  private sig = '';
  /** Absolute path of the open file. */
  private active: string | undefined;
  /** What the file held when last read or written by the editor. */
  private onDisk = '';
  private writeTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPoll = 0;
  private naming: { mode: 'new' } | { mode: 'rename'; path: string } | undefined;
  private readonly offChange: () => void;
  private readonly memoryKey: string;

  constructor(root: HTMLElement, controller: SandboxController) {
    this.controller = controller;
    this.root = root;
    this.memoryKey = `wheelhouse:editor:${controller.id}`;
    root.innerHTML = editorLayout(EDIT_BAR_HTML);
    const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
    this.list = q('.wh-editor__list');
    this.nameForm = q('.wh-editor__name');
    this.nameInput = q('.wh-editor__name input');
    this.nameError = q('.wh-editor__name-error');
    this.pathLabel = q('.wh-editor__path');
    this.savedLabel = q('.wh-editor__saved');
    this.status = q('.wh-editor__status');
    this.empty = q('.wh-editor__empty');
    this.cmHost = q('.wh-editor__cm');
    this.confirmRow = q('[data-confirm-delete]');
    this.editBar = new KubectlEditBar(q('[data-edit-bar]'), controller, () => this.flush());
    this.buttons = { apply: q('[data-apply]'), rename: q('[data-rename]'), delete: q('[data-delete]') };
    this.editor = new ManifestEditor({
      parent: this.cmHost,
      label: 'File contents',
      onChange: (text) => this.edited(text),
      lint: (text) => this.lint(text),
      onSave: () => this.save(),
      onApply: () => (this.editBar.waitsOn(this.active) ? this.finishEdit(true) : void this.apply()),
    });
    this.wire();
    this.refreshList(true);
    const remembered = this.recall();
    const first = remembered && this.files.includes(remembered) ? remembered : this.files.find(isManifestPath);
    if (first) this.open(first, false);
    else this.show(undefined);
    this.offChange = controller.onChange(() => this.poll());
  }

  /** open shows a file (a path relative to the home directory, or absolute). */
  open(path: string, focus = true): void {
    const abs = this.fs().kind(path.startsWith('/') ? path : `${HOME}/${path}`) ? toAbs(path) : undefined;
    this.flush();
    if (!abs) {
      this.show(undefined);
      return;
    }
    this.show(abs);
    if (focus) this.editor.focus();
  }

  /** dispose writes pending edits and stops following the sandbox. */
  dispose(): void {
    this.flush();
    clearTimeout(this.saveTimer);
    this.offChange();
    this.editor.dispose();
  }

  private fs(): FsLike {
    return this.controller.session.shell.fs;
  }

  private wire(): void {
    const r = this.root;
    r.querySelector('[data-new]')!.addEventListener('click', () => this.startNaming({ mode: 'new' }));
    this.buttons.rename.addEventListener('click', () => this.active && this.startNaming({ mode: 'rename', path: this.active }));
    this.buttons.delete.addEventListener('click', () => this.askDelete());
    this.buttons.apply.addEventListener('click', () => void this.apply());
    r.querySelector('[data-edit-save]')!.addEventListener('click', () => this.finishEdit(true));
    r.querySelector('[data-edit-cancel]')!.addEventListener('click', () => this.finishEdit(false));
    r.querySelector('[data-confirm-yes]')!.addEventListener('click', () => this.remove());
    r.querySelector('[data-confirm-no]')!.addEventListener('click', () => this.cancelDelete());
    this.nameForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.finishNaming();
    });
    this.nameInput.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.stopNaming();
      }
    });
    this.nameInput.addEventListener('blur', () => {
      // Leaving the field without a name abandons it; a name is committed with Enter.
      if (!this.nameInput.value.trim()) setTimeout(() => this.stopNaming(), 0);
    });
    this.list.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('button[data-path]');
      if (b) this.open(b.dataset.path!);
    });
  }

  // Files ------------------------------------------------------------------

  private refreshList(force = false): void {
    const fs = this.fs();
    const files = listFiles(fs, HOME);
    const sig = signature(fs, HOME, files);
    if (!force && sig === this.sig) return;
    this.sig = sig;
    this.files = files;
    const activeRel = this.active ? rel(this.active) : undefined;
    const items = files.map((f) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.path = f;
      b.textContent = f;
      b.className = 'wh-editor__file';
      if (f === activeRel) b.setAttribute('aria-current', 'true');
      li.append(b);
      return li;
    });
    if (!files.length) {
      const li = document.createElement('li');
      li.className = 'wh-editor__none';
      li.textContent = 'No files yet';
      items.push(li);
    }
    this.list.replaceChildren(...items);
  }

  private poll(): void {
    const now = Date.now();
    if (now - this.lastPoll < POLL_MS) return;
    this.lastPoll = now;
    this.refreshList();
    this.syncActive();
    this.showEditBar();
  }

  // kubectl edit: its temp file is saved back to kubectl, not applied, renamed or deleted.
  private showEditBar(): void {
    const waits = this.editBar.update(this.active);
    for (const b of Object.values(this.buttons)) b.hidden = this.active === undefined || waits;
  }

  private save(): void {
    this.flush();
    this.finishEdit(true);
  }

  private finishEdit(save: boolean): void {
    const said = this.editBar.finish(this.active, save);
    if (said === undefined) return;
    this.showEditBar();
    this.savedLabel.textContent = said;
  }

  // The terminal may have changed or removed the open file.
  private syncActive(): void {
    if (!this.active || this.writeTimer !== undefined) return;
    const fs = this.fs();
    if (fs.kind(this.active) !== 'file') {
      this.savedLabel.textContent = 'Removed from the filesystem';
      this.show(undefined);
      return;
    }
    const text = fs.read(this.active);
    if (text === this.onDisk) return;
    this.onDisk = text;
    if (text !== this.editor.text) this.editor.replace(text);
    this.savedLabel.textContent = 'Changed in the terminal';
  }

  private show(abs: string | undefined): void {
    this.active = abs;
    this.cancelDelete();
    const has = abs !== undefined;
    this.cmHost.hidden = !has;
    this.empty.hidden = has;
    for (const b of Object.values(this.buttons)) b.hidden = !has;
    this.buttons.apply.disabled = !isManifestPath(abs ?? '');
    this.pathLabel.textContent = has ? displayPath(abs) : '';
    this.savedLabel.textContent = '';
    this.status.textContent = '';
    if (has) {
      this.onDisk = this.fs().read(abs);
      this.editor.load(this.onDisk, isManifestPath(abs));
      if (abs.startsWith(`${HOME}/`)) this.remember(rel(abs));
    }
    this.showEditBar();
    this.refreshList(true);
  }

  // Editing and saving ----------------------------------------------------------

  private edited(text: string): void {
    if (!this.active) return;
    this.savedLabel.textContent = 'Editing…';
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.write(text), WRITE_DELAY_MS);
  }

  private write(text: string): void {
    this.writeTimer = undefined;
    if (!this.active) return;
    try {
      this.fs().write(this.active, text);
      this.onDisk = text;
      this.savedLabel.textContent = 'Saved';
      this.refreshList();
    } catch (e) {
      this.savedLabel.textContent = `Not saved: ${e instanceof Error ? e.message : String(e)}`;
    }
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.controller.save(), SAVE_DELAY_MS);
  }

  /** flush writes pending edits now. */
  private flush(): void {
    if (this.writeTimer === undefined) return;
    clearTimeout(this.writeTimer);
    this.write(this.editor.text);
  }

  private lint(text: string): EditorDiagnostic[] {
    if (!this.active) return [];
    const s = this.controller.session;
    const problems = validateManifest(text, { file: rel(this.active), cluster: s.cluster, namespace: s.context.namespace });
    const diags = toDiagnostics(text, problems);
    this.status.textContent = diags.length === 0 ? '' : `${diags.length === 1 ? '1 problem' : `${diags.length} problems`}: ${diags[0]!.message.split('\n')[0]}`;
    this.status.classList.toggle('has-problems', diags.length > 0);
    return diags;
  }

  private async apply(): Promise<void> {
    if (!this.active || !isManifestPath(this.active)) return;
    this.flush();
    this.controller.save();
    await this.controller.runInTerminal(`kubectl apply -f ${shellQuote(this.commandPath(this.active))}`);
    this.editor.relint();
  }

  // The path as the learner would type it at the terminal's current directory.
  private commandPath(abs: string): string {
    let cwd = HOME;
    try {
      cwd = this.controller.session.shell.snapshot().cwd;
    } catch {
      /* fall back to home */
    }
    if (abs.startsWith(`${cwd}/`)) return abs.slice(cwd.length + 1);
    return displayPath(abs);
  }

  // New, rename, delete -------------------------------------------------------

  private startNaming(naming: { mode: 'new' } | { mode: 'rename'; path: string }): void {
    this.naming = naming;
    this.nameForm.hidden = false;
    this.nameError.textContent = '';
    this.root.querySelector('[data-name-title]')!.textContent = naming.mode === 'new' ? 'New file' : `Rename ${rel(naming.path)} to`;
    this.nameInput.value = naming.mode === 'rename' ? rel(naming.path) : '';
    this.nameInput.focus();
    if (naming.mode === 'rename') this.nameInput.setSelectionRange(0, this.nameInput.value.replace(/\.[^.]*$/, '').length);
  }

  private stopNaming(): void {
    if (!this.naming) return;
    const was = this.naming;
    this.naming = undefined;
    this.nameForm.hidden = true;
    (was.mode === 'new' ? this.root.querySelector<HTMLElement>('[data-new]') : this.buttons.rename)?.focus();
  }

  private finishNaming(): void {
    const naming = this.naming;
    if (!naming) return;
    const name = this.nameInput.value.trim();
    const current = naming.mode === 'rename' ? rel(naming.path) : undefined;
    const problem = checkName(name, this.files, current);
    if (problem) {
      this.nameError.textContent = problem;
      return;
    }
    const fs = this.fs();
    const abs = `${HOME}/${name}`;
    try {
      fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), true);
      if (naming.mode === 'new') fs.write(abs, '');
      else if (name !== current) {
        this.flush();
        fs.move(naming.path, abs);
      }
    } catch (e) {
      this.nameError.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    this.naming = undefined;
    this.nameForm.hidden = true;
    this.controller.save();
    this.show(abs);
    this.editor.focus();
  }

  private askDelete(): void {
    if (!this.active) return;
    this.confirmRow.hidden = false;
    this.confirmRow.querySelector('[data-confirm-text]')!.textContent = `Delete ${displayPath(this.active)}?`;
    this.confirmRow.querySelector<HTMLElement>('[data-confirm-no]')!.focus();
  }

  private cancelDelete(): void {
    this.confirmRow.hidden = true;
  }

  private remove(): void {
    if (!this.active) return;
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    try {
      this.fs().remove(this.active);
    } catch {
      /* already gone */
    }
    this.controller.save();
    this.show(undefined);
    const next = this.files.find(isManifestPath) ?? this.files[0];
    if (next) this.show(toAbs(next));
    this.root.querySelector<HTMLElement>('[data-new]')!.focus();
  }

  private remember(path: string): void {
    try {
      sessionStorage.setItem(this.memoryKey, path);
    } catch {
      /* not remembered */
    }
  }

  private recall(): string | undefined {
    try {
      return sessionStorage.getItem(this.memoryKey) ?? undefined;
    } catch {
      return undefined;
    }
  }
}
