/**
 * The panels other modules contribute to a sandbox (cluster map, manifest editor). Each lives
 * in its own folder and exports a mount function; a folder that does not exist yet simply adds
 * no tab, and a panel that fails to load or mount shows a short message instead of breaking
 * the sandbox. Panels get a scoped controller and are remounted after a reset.
 */
import type { SandboxController } from '../controller.ts';
import { scopeController, type PanelScope } from '../panel-scope.ts';
import { h } from './dom.ts';

/** PanelMount is the function a panel module exports: it fills `el` and returns its cleanup. */
export type PanelMount = (el: HTMLElement, controller: SandboxController) => void | (() => void) | Promise<void | (() => void)>;

/** PanelSpec describes one contributed panel. */
export interface PanelSpec {
  name: string;
  label: string;
  load: () => Promise<PanelMount | undefined>;
}

type PanelModule = Record<string, unknown>;

// Globbed rather than imported so a panel folder that is not there yet costs nothing and breaks nothing.
const MODULES = import.meta.glob<PanelModule>(['../map/index.ts', '../editor/index.ts']);

const KNOWN = [
  { name: 'editor', label: 'Editor', path: '../editor/index.ts', exportName: 'mountEditor' },
  { name: 'map', label: 'Cluster map', path: '../map/index.ts', exportName: 'mountMap' },
] as const;

/** contributedPanels lists the panel modules present in this build. */
export function contributedPanels(): PanelSpec[] {
  return KNOWN.filter((k) => MODULES[k.path]).map((k) => ({
    name: k.name,
    label: k.label,
    load: async () => {
      const mod = await MODULES[k.path]!();
      const fn = mod[k.exportName] ?? mod.default;
      return typeof fn === 'function' ? (fn as PanelMount) : undefined;
    },
  }));
}

interface Mounted {
  el: HTMLElement;
  mount: PanelMount;
  scope?: PanelScope;
  cleanup?: () => void;
}

/** PanelHost mounts panels into their elements and remounts them after a reset. */
export class PanelHost {
  private readonly mounted = new Map<string, Mounted>();
  private readonly controller: SandboxController;
  private generation = 0;

  constructor(controller: SandboxController) {
    this.controller = controller;
  }

  /** mount loads (if needed) and mounts a panel into `el`; failures are shown in `el`. */
  async mount(name: string, el: HTMLElement, load: () => Promise<PanelMount | undefined>): Promise<void> {
    if (this.mounted.has(name)) return;
    let mount: PanelMount | undefined;
    try {
      mount = await load();
    } catch (e) {
      console.error(e);
    }
    if (!mount) {
      el.replaceChildren(h('p', { class: 'sandbox__panel-error' }, 'This view could not be loaded. The terminal still works.'));
      return;
    }
    const entry: Mounted = { el, mount };
    this.mounted.set(name, entry);
    await this.start(entry);
  }

  /** remountAll tears every panel down and mounts it again, e.g. after reset() replaced the session. */
  async remountAll(): Promise<void> {
    this.generation++;
    for (const entry of this.mounted.values()) this.stop(entry);
    await Promise.all([...this.mounted.values()].map((entry) => this.start(entry)));
  }

  /** dispose tears every panel down. */
  dispose(): void {
    this.generation++;
    for (const entry of this.mounted.values()) this.stop(entry);
    this.mounted.clear();
  }

  private async start(entry: Mounted): Promise<void> {
    const generation = this.generation;
    const scope = scopeController(this.controller);
    entry.scope = scope;
    entry.el.replaceChildren();
    try {
      const cleanup = await entry.mount(entry.el, scope.controller);
      if (generation !== this.generation) {
        // A reset happened while this panel was still mounting.
        if (typeof cleanup === 'function') cleanup();
        scope.dispose();
        return;
      }
      if (typeof cleanup === 'function') entry.cleanup = cleanup;
    } catch (e) {
      console.error(e);
      scope.dispose();
      entry.el.replaceChildren(h('p', { class: 'sandbox__panel-error' }, 'This view stopped working. The terminal still works; Reset starts everything over.'));
    }
  }

  private stop(entry: Mounted): void {
    try {
      entry.cleanup?.();
    } catch (e) {
      console.error(e);
    }
    entry.cleanup = undefined;
    entry.scope?.dispose();
    entry.scope = undefined;
  }
}
