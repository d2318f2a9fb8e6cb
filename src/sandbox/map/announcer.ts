/** Announcer speaks the map's changes through an aria-live="polite" region, a few at a time. */

const BATCH_MS = 1500;
const MAX_SAID = 3;

/** Announcer batches messages so a rolling update is summarised, not recited. */
export class Announcer {
  readonly el: HTMLElement;
  private queue: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'wh-visually-hidden';
    this.el.setAttribute('aria-live', 'polite');
    this.el.setAttribute('role', 'status');
  }

  /** say queues messages; they are announced together after a short pause. */
  say(messages: readonly string[]): void {
    if (!messages.length) return;
    this.queue.push(...messages);
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** dispose drops pending messages. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private flush(): void {
    this.timer = undefined;
    this.el.textContent = summarise(this.queue);
    this.queue = [];
  }
}

/** summarise joins the first few messages and counts the rest. */
export function summarise(messages: readonly string[]): string {
  const said = messages.slice(0, MAX_SAID).join('. ');
  const more = messages.length - MAX_SAID;
  return more > 0 ? `${said}. And ${more} more change${more === 1 ? '' : 's'}.` : `${said}.`;
}
