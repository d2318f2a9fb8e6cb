/**
 * DetailsPane shows one object the learner picked on the map: its `kubectl describe` output
 * and its YAML, fetched by running kubectl quietly, and refreshed while the object changes.
 */
import type { SandboxController } from '../controller.ts';
import { kubectlFor, type MapTarget } from './labels.ts';

type Tab = 'describe' | 'yaml';

/** DetailsPane is the map's side sheet. */
export class DetailsPane {
  readonly el: HTMLElement;
  private target: MapTarget | undefined;
  private tab: Tab = 'describe';
  private returnFocus: HTMLElement | SVGElement | undefined;
  private readonly title: HTMLElement;
  private readonly tabs: Record<Tab, HTMLButtonElement>;
  private readonly body: HTMLPreElement;
  private readonly note: HTMLElement;
  private readonly controller: SandboxController;
  private request = 0;
  private lastRefresh = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly onClose: () => void;

  constructor(controller: SandboxController, idPrefix: string, onClose: () => void = () => {}) {
    this.controller = controller;
    this.onClose = onClose;
    this.el = document.createElement('section');
    this.el.className = 'wh-map__details';
    this.el.hidden = true;
    this.el.innerHTML = `
      <header class="wh-map__details-head">
        <h3 class="wh-map__details-title" id="${idPrefix}-details-title" tabindex="-1"></h3>
        <button type="button" class="wh-map__close" aria-label="Close details">×</button>
      </header>
      <div class="wh-map__tabs" role="tablist" aria-labelledby="${idPrefix}-details-title">
        <button type="button" role="tab" id="${idPrefix}-tab-describe" aria-controls="${idPrefix}-details-body" data-tab="describe">Describe</button>
        <button type="button" role="tab" id="${idPrefix}-tab-yaml" aria-controls="${idPrefix}-details-body" data-tab="yaml">YAML</button>
        <span class="wh-map__details-note" aria-live="polite"></span>
      </div>
      <pre class="wh-map__details-body" id="${idPrefix}-details-body" role="tabpanel" tabindex="0"></pre>`;
    this.el.setAttribute('aria-labelledby', `${idPrefix}-details-title`);
    this.title = this.el.querySelector('h3')!;
    this.body = this.el.querySelector('pre')!;
    this.note = this.el.querySelector('.wh-map__details-note')!;
    this.tabs = {
      describe: this.el.querySelector('[data-tab="describe"]')!,
      yaml: this.el.querySelector('[data-tab="yaml"]')!,
    };
    this.el.querySelector('.wh-map__close')!.addEventListener('click', () => this.close());
    for (const tab of ['describe', 'yaml'] as const) this.tabs[tab].addEventListener('click', () => this.show(tab));
    this.el.querySelector('[role="tablist"]')!.addEventListener('keydown', (e) => {
      const key = (e as KeyboardEvent).key;
      if (key !== 'ArrowLeft' && key !== 'ArrowRight') return;
      const next: Tab = this.tab === 'describe' ? 'yaml' : 'describe';
      this.show(next);
      this.tabs[next].focus();
    });
    this.el.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
  }

  /** showing is the object on display, if any. */
  get showing(): MapTarget | undefined {
    return this.target;
  }

  /** open shows `target`, remembering where focus should return when the pane closes. */
  open(target: MapTarget, from?: HTMLElement | SVGElement): void {
    if (this.target?.resource !== target.resource || this.target.name !== target.name) this.body.textContent = '';
    this.note.textContent = '';
    this.target = target;
    this.returnFocus = from;
    this.title.textContent = `${target.resource}/${target.name}`;
    this.el.hidden = false;
    this.show(this.tab);
    this.title.focus();
  }

  /** changed tells the pane its object changed (or vanished); it refreshes at most once a second. */
  changed(exists: boolean): void {
    if (!this.target || this.el.hidden) return;
    if (!exists) {
      this.note.textContent = 'No longer in the cluster';
      return;
    }
    const wait = Math.max(0, this.lastRefresh + 1000 - Date.now());
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.load(), wait);
  }

  /** close hides the pane and gives focus back to the box that opened it. */
  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.target = undefined;
    clearTimeout(this.refreshTimer);
    this.onClose();
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back?.isConnected) back.focus();
  }

  /** dispose stops refreshing. */
  dispose(): void {
    clearTimeout(this.refreshTimer);
  }

  private show(tab: Tab): void {
    this.tab = tab;
    for (const t of ['describe', 'yaml'] as const) {
      this.tabs[t].setAttribute('aria-selected', String(t === tab));
      this.tabs[t].tabIndex = t === tab ? 0 : -1;
    }
    this.body.setAttribute('aria-labelledby', this.tabs[tab].id);
    void this.load();
  }

  private async load(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const id = ++this.request;
    this.lastRefresh = Date.now();
    const commands = kubectlFor(target);
    const command = this.tab === 'describe' ? commands.describe : commands.yaml;
    if (!this.body.textContent) this.body.textContent = 'Loading…';
    let text: string;
    try {
      const result = await this.controller.runQuietly(command);
      text = result.output;
      this.note.textContent = result.status === 0 ? '' : `exit status ${result.status}`;
    } catch (e) {
      text = `Could not run ${command}: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (id !== this.request || this.target !== target) return;
    const scroll = this.body.scrollTop;
    this.body.textContent = `$ ${command}\n${text}`;
    this.body.scrollTop = scroll;
  }
}
