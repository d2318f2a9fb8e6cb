/** The editor panel's markup: the file list and its name form, the bar, the confirm row, CodeMirror's host. */

/** editorLayout is the panel's HTML, with the kubectl edit bar's markup (edit-bar.ts) in place. */
export function editorLayout(editBar: string): string {
  return `<div class="wh-editor__layout">
      <nav class="wh-editor__files" aria-label="Files in your home directory">
        <div class="wh-editor__files-head">
          <span class="wh-editor__files-title">~/</span>
          <button type="button" class="wh-editor__button" data-new>New file</button>
        </div>
        <form class="wh-editor__name" hidden>
          <label class="wh-editor__name-label"><span data-name-title>New file</span>
            <input type="text" spellcheck="false" autocomplete="off" autocapitalize="off" placeholder="web.yaml">
          </label>
          <p class="wh-editor__name-error" role="alert"></p>
        </form>
        <ul class="wh-editor__list"></ul>
      </nav>
      <div class="wh-editor__main">
        <div class="wh-editor__bar">
          <span class="wh-editor__path"></span>
          <span class="wh-editor__saved" aria-live="polite"></span>
          <span class="wh-editor__spacer"></span>
          <button type="button" class="wh-editor__button" data-rename>Rename</button>
          <button type="button" class="wh-editor__button" data-delete>Delete</button>
          <button type="button" class="wh-editor__button wh-editor__button--primary" data-apply title="kubectl apply -f (Ctrl+Enter)">Apply</button>
        </div>
        ${editBar}
        <div class="wh-editor__confirm" role="group" aria-label="Confirm delete" data-confirm-delete hidden>
          <span data-confirm-text></span>
          <button type="button" class="wh-editor__button wh-editor__button--danger" data-confirm-yes>Delete</button>
          <button type="button" class="wh-editor__button" data-confirm-no>Cancel</button>
        </div>
        <div class="wh-editor__cm"></div>
        <div class="wh-editor__empty" hidden>
          <p>No file is open.</p>
          <p>Create one with <strong>New file</strong>, or in the terminal: <code>kubectl run web --image=nginx --dry-run=client -o yaml &gt; web.yaml</code></p>
        </div>
        <p class="wh-editor__status" aria-live="polite"></p>
      </div>
    </div>`;
}
