/**
 * The Reset button and its inline confirmation: resetting throws the learner's work away, so
 * it asks first, in the page (not window.confirm), with Cancel focused and Escape to back out.
 */
import { h, icon, ICONS, uniqueId } from './dom.ts';

/** mountResetControl adds the Reset button to `toolbar` and its confirmation to `confirmArea`; it returns a cleanup. */
export function mountResetControl(toolbar: HTMLElement, confirmArea: HTMLElement, onReset: () => void): () => void {
  const button = h('button', { type: 'button', class: 'sandbox__button sandbox__button--text sandbox__reset', 'aria-expanded': 'false', title: 'Reset the sandbox to the start of the lesson' }, icon(ICONS.reset), h('span', { class: 'sandbox__reset-label' }, 'Reset'));
  const question = h('p', { class: 'sandbox__confirm-text' }, 'Start this sandbox over? The cluster, files, history and terminal go back to the start of the lesson.');
  const yes = h('button', { type: 'button', class: 'sandbox__button sandbox__button--danger' }, 'Reset sandbox');
  const no = h('button', { type: 'button', class: 'sandbox__button sandbox__button--text' }, 'Cancel');
  const box = h('div', { class: 'sandbox__confirm', id: uniqueId('confirm-reset'), role: 'group', 'aria-label': 'Confirm reset', hidden: true }, question, h('div', { class: 'sandbox__confirm-actions' }, yes, no));
  button.setAttribute('aria-controls', box.id);
  confirmArea.append(box);
  toolbar.append(button);

  const close = (refocus: boolean) => {
    box.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  button.addEventListener('click', () => {
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) no.focus();
  });
  no.addEventListener('click', () => close(true));
  yes.addEventListener('click', () => {
    close(false);
    onReset();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    }
  });
  return () => {
    button.remove();
    box.remove();
  };
}
