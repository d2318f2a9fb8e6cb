/** A tiny element builder for the sandbox chrome: no framework, just typed createElement. */

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

/** h creates an element with attributes (false/undefined omitted, true as empty) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

/** icon returns an aria-hidden span holding one of the sandbox's inline SVG icons. */
export function icon(svgPaths: string): HTMLSpanElement {
  const span = h('span', { class: 'sandbox__icon', 'aria-hidden': 'true' });
  span.innerHTML = `<svg viewBox="0 0 16 16" width="16" height="16" focusable="false">${svgPaths}</svg>`;
  return span;
}

/** ICONS are 16×16 paths drawn in currentColor. */
export const ICONS = {
  pause: '<rect x="4" y="3" width="3" height="10" rx="0.5" fill="currentColor"/><rect x="9" y="3" width="3" height="10" rx="0.5" fill="currentColor"/>',
  play: '<path d="M5 3.2v9.6a.5.5 0 0 0 .77.42l7.2-4.8a.5.5 0 0 0 0-.84l-7.2-4.8A.5.5 0 0 0 5 3.2z" fill="currentColor"/>',
  fast: '<path d="M1.5 3.6v8.8a.5.5 0 0 0 .8.4L8 8.4v4a.5.5 0 0 0 .8.4l6-4.4a.5.5 0 0 0 0-.8l-6-4.4a.5.5 0 0 0-.8.4v4L2.3 3.2a.5.5 0 0 0-.8.4z" fill="currentColor"/>',
  step: '<path d="M3 3.6v8.8a.5.5 0 0 0 .79.41L10 8.6V12.5a.5.5 0 0 0 .5.5h1a.5.5 0 0 0 .5-.5v-9a.5.5 0 0 0-.5-.5h-1a.5.5 0 0 0-.5.5v3.9L3.79 3.19A.5.5 0 0 0 3 3.6z" fill="currentColor"/>',
  reset: '<path d="M8 2.5a5.5 5.5 0 1 1-5.3 4H1l2.7-3 2.8 3H4.2A4 4 0 1 0 8 4z" fill="currentColor"/>',
  reader: '<circle cx="8" cy="2.6" r="1.6" fill="currentColor"/><path d="M2.5 5.2h11v1.6H10v7.4H8.6V10H7.4v4.2H6V6.8H2.5z" fill="currentColor"/>',
  chevron: '<path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>',
} as const;

let counter = 0;

/** uniqueId returns an id unique on the page, readable in the DOM: `wh-<base>-<n>`. */
export function uniqueId(base: string): string {
  return `wh-${base.replace(/[^A-Za-z0-9_-]+/g, '-')}-${++counter}`;
}
