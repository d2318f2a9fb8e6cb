/**
 * KubectlEditBar is the editor's bar for a waiting `kubectl edit`. While kubectl waits on its
 * temp file, Save and apply (or Ctrl+S) hands the file back and Cancel abandons the edit; the
 * panel hides Apply, Rename and Delete, which make no sense for that file.
 */
import type { SandboxController } from '../controller.ts';

/** EDIT_BAR_HTML is the bar's markup, placed by the panel above the editor. */
export const EDIT_BAR_HTML = `<div class="wh-editor__confirm" role="group" aria-label="kubectl edit" data-edit-bar hidden>
  <span>kubectl edit is waiting for this file.</span>
  <button type="button" class="wh-editor__button wh-editor__button--primary" data-edit-save title="Save and apply (Ctrl+S)">Save and apply</button>
  <button type="button" class="wh-editor__button" data-edit-cancel>Cancel</button>
</div>`;

/** KubectlEditBar shows the bar while `kubectl edit` waits on the open file. */
export class KubectlEditBar {
  readonly #el: HTMLElement;
  readonly #controller: SandboxController;
  readonly #beforeFinish: () => void;

  /** `beforeFinish` writes the editor's pending changes to the file. */
  constructor(el: HTMLElement, controller: SandboxController, beforeFinish: () => void) {
    this.#el = el;
    this.#controller = controller;
    this.#beforeFinish = beforeFinish;
  }

  /** waitsOn tells whether `kubectl edit` is waiting on `path`. */
  waitsOn(path: string | undefined): boolean {
    return path !== undefined && this.#controller.editing === path;
  }

  /** update shows the bar when `kubectl edit` waits on `path` and hides it otherwise; it returns whether it shows. */
  update(path: string | undefined): boolean {
    const waits = this.waitsOn(path);
    this.#el.hidden = !waits;
    return waits;
  }

  /** finish hands the file back to kubectl (`save`) or cancels the edit; it returns what the panel should say. */
  finish(path: string | undefined, save: boolean): string | undefined {
    if (!this.waitsOn(path)) return undefined;
    this.#beforeFinish();
    this.#controller.finishEdit(save);
    this.update(path);
    return save ? 'Saved: kubectl edit is applying it (see the terminal)' : 'kubectl edit was cancelled';
  }
}
