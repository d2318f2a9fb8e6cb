/**
 * Tabs between the sandbox's main panes (terminal, editor, map), following the WAI-ARIA tabs
 * pattern: one tab stop, arrow keys move and select, Home/End jump, each tab controls a pane.
 */
import { h, uniqueId } from './dom.ts';

/** TabSpec names one pane. */
export interface TabSpec {
  name: string;
  label: string;
  pane: HTMLElement;
}

/** Tabs manages a tablist over panes; with one pane the tablist stays hidden. */
export class Tabs {
  private readonly tabs = new Map<string, HTMLButtonElement>();
  private readonly specs: TabSpec[];
  private current: string;
  private readonly onSelect: (name: string) => void;

  constructor(list: HTMLElement, specs: TabSpec[], onSelect: (name: string) => void = () => {}) {
    this.specs = specs;
    this.onSelect = onSelect;
    this.current = specs[0]?.name ?? '';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'Sandbox views');
    for (const spec of specs) {
      const tabId = uniqueId(`tab-${spec.name}`);
      spec.pane.id ||= uniqueId(`pane-${spec.name}`);
      const tab = h('button', { type: 'button', role: 'tab', id: tabId, class: 'sandbox__tab', 'aria-controls': spec.pane.id }, spec.label);
      spec.pane.setAttribute('role', 'tabpanel');
      spec.pane.setAttribute('aria-labelledby', tabId);
      tab.addEventListener('click', () => this.select(spec.name));
      tab.addEventListener('keydown', (e) => this.onKey(e, spec.name));
      this.tabs.set(spec.name, tab);
      list.append(tab);
    }
    list.hidden = specs.length < 2;
    this.render();
  }

  /** selected is the name of the visible pane. */
  get selected(): string {
    return this.current;
  }

  /** select shows a pane and, when `focus`, focuses its tab. */
  select(name: string, focus = false): void {
    if (!this.tabs.has(name)) return;
    const changed = name !== this.current;
    this.current = name;
    this.render();
    if (focus) this.tabs.get(name)!.focus();
    if (changed) this.onSelect(name);
  }

  private render(): void {
    for (const spec of this.specs) {
      const on = spec.name === this.current;
      const tab = this.tabs.get(spec.name)!;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      spec.pane.hidden = !on;
    }
  }

  private onKey(e: KeyboardEvent, name: string): void {
    const names = this.specs.map((s) => s.name);
    const i = names.indexOf(name);
    const target = { ArrowRight: names[(i + 1) % names.length], ArrowLeft: names[(i - 1 + names.length) % names.length], Home: names[0], End: names[names.length - 1] }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    this.select(target, true);
  }
}
