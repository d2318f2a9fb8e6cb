/**
 * Arrow keys in the sandbox toolbar, as the ARIA toolbar pattern expects: Left/Right move
 * between its buttons, Home/End jump to the ends. Every button also stays a Tab stop.
 */

/** enableToolbarArrows wires arrow-key movement in `toolbar`; it returns a cleanup. */
export function enableToolbarArrows(toolbar: HTMLElement): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button:not([disabled])')].filter((b) => b.offsetParent !== null);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = { ArrowLeft: buttons[(i - 1 + buttons.length) % buttons.length], ArrowRight: buttons[(i + 1) % buttons.length], Home: buttons[0], End: buttons[buttons.length - 1] }[e.key];
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  toolbar.addEventListener('keydown', onKey);
  return () => toolbar.removeEventListener('keydown', onKey);
}
