/**
 * Notices: polite messages inside a sandbox (saved state discarded, storage full). They sit
 * in a live region so screen readers announce them, and the learner can dismiss them.
 */
import type { SandboxNotice } from '../sandbox-notice.ts';
import { h } from './dom.ts';

/** Notices shows messages in a sandbox's `[data-notices]` live region. */
export class Notices {
  private readonly region: HTMLElement;

  constructor(region: HTMLElement) {
    this.region = region;
  }

  /** show adds a dismissable notice; a notice of the same kind replaces the previous one. */
  show(notice: SandboxNotice): void {
    this.region.querySelector(`[data-notice-kind="${notice.kind}"]`)?.remove();
    const close = h('button', { type: 'button', class: 'sandbox__notice-close', 'aria-label': 'Dismiss this message' }, '×');
    const item = h(
      'div',
      { class: 'sandbox__notice', 'data-notice-kind': notice.kind },
      h('p', {}, h('strong', {}, notice.title), ' ', notice.detail),
      close,
    );
    close.addEventListener('click', () => item.remove());
    this.region.append(item);
  }

  /** clear removes every notice. */
  clear(): void {
    this.region.replaceChildren();
  }
}
