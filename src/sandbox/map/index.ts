/**
 * The cluster map panel: a live SVG picture of the sandbox's cluster (nodes holding their pods,
 * Deployments and ReplicaSets, Services linked to their pods), a details pane with kubectl's
 * describe and YAML for whatever is clicked, and a table with the same facts for screen readers.
 */
import type { Cluster } from '@wheelhouse/sim-engine';
import type { SandboxController } from '../controller.ts';
import { Announcer } from './announcer.ts';
import { DetailsPane } from './details.ts';
import { targetOf, type MapTarget } from './labels.ts';
import { layoutCluster, type LayoutItem } from './layout.ts';
import mapCss from './map.css?inline';
import { buildModel, type ClusterModel } from './model.ts';
import { MAP_KINDS, readObjects } from './read.ts';
import { MapRenderer } from './renderer.ts';
import { describeChanges } from './summary.ts';
import { TableView } from './table-view.ts';

const SYSTEM_KEY = 'wheelhouse:map:show-system';
const TABLE_EVERY_MS = 1000;
const MIN_INTERVAL_MS = 100;
let panels = 0;

/** mountMap draws the cluster map of `controller`'s sandbox inside `el`; it returns the dispose function. */
export function mountMap(el: HTMLElement, controller: SandboxController): () => void {
  adoptStyles();
  const id = `wh-map-${++panels}`;
  const root = document.createElement('div');
  root.className = 'wh-map';
  root.innerHTML = `
    <div class="wh-map__bar">
      <ul class="wh-map__legend" aria-label="Pod colours">
        <li style="--c: var(--map-ok); --b: var(--map-ok-bg)">Running</li>
        <li style="--c: var(--map-wait); --b: var(--map-wait-bg)">Starting</li>
        <li style="--c: var(--map-bad); --b: var(--map-bad-bg)">Failing</li>
        <li style="--c: var(--map-done); --b: var(--map-done-bg)">Completed</li>
        <li style="--c: var(--map-gone); --b: var(--map-gone-bg)">Terminating</li>
      </ul>
      <span class="wh-map__controls">
        <label><input type="checkbox" data-system> kube-system</label>
        <button type="button" class="wh-map__button" data-table aria-pressed="false" aria-controls="${id}-table">Table</button>
      </span>
    </div>
    <div class="wh-map__scroll"></div>`;
  const scroll = root.querySelector<HTMLElement>('.wh-map__scroll')!;
  const systemBox = root.querySelector<HTMLInputElement>('[data-system]')!;
  const tableButton = root.querySelector<HTMLButtonElement>('[data-table]')!;
  const renderer = new MapRenderer(scroll);
  const table = new TableView();
  table.el.id = `${id}-table`;
  const announcer = new Announcer();
  const details = new DetailsPane(controller, id, () => renderer.select(undefined));
  root.append(table.el, announcer.el, details.el);
  el.replaceChildren(root);

  let showSystem = readFlag(SYSTEM_KEY);
  systemBox.checked = showSystem;
  let cluster: Cluster | undefined;
  let unwatch: (() => void)[] = [];
  let dirty = true;
  let frame = 0;
  let drawnAt = -Infinity;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let width = 0;
  // Kept by the ResizeObserver: the picture's width, and whether the panel is shown at all.
  let observedWidth = 0;
  let visible = false;
  let model: ClusterModel | undefined;
  let tableAt = 0;
  let tableTimer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const markDirty = (): void => {
    dirty = true;
    schedule();
  };

  function watch(): void {
    for (const stop of unwatch) stop();
    cluster = controller.session.cluster;
    unwatch = MAP_KINDS.map((kind) => cluster!.store.watch(kind, markDirty));
    model = undefined;
    dirty = true;
  }

  function draw(): void {
    frame = 0;
    // A change after a quiet spell shows at once; a stream of changes (a rolling update) is
    // drawn at most every MIN_INTERVAL_MS, the CSS transitions filling the frames between.
    const since = performance.now() - drawnAt;
    if (dirty && since < MIN_INTERVAL_MS) {
      clearTimeout(waitTimer);
      waitTimer = setTimeout(schedule, MIN_INTERVAL_MS - since);
      return;
    }
    // A reset may give the controller a new session; follow it.
    if (controller.session.cluster !== cluster) watch();
    // A hidden panel (another tab is showing) stays dirty and catches up when shown. Sizes come
    // from the ResizeObserver, so drawing never forces a synchronous layout.
    if (!visible) return;
    const w = scroll.hidden ? width : observedWidth;
    if (!dirty && w === width) return;
    dirty = false;
    drawnAt = performance.now();
    const next = buildModel(readObjects(cluster!));
    let items: LayoutItem[] | undefined;
    if (!scroll.hidden && w > 0) {
      width = w;
      const layout = layoutCluster(next, { width: w, showSystem });
      renderer.render(layout);
      items = layout.items;
    }
    announcer.say(describeChanges(model, next, showSystem));
    model = next;
    updateTable();
    const shown = details.showing;
    if (shown) details.changed(items ? items.some((i) => sameTarget(targetOf(i), shown)) : true);
  }

  function updateTable(force = false): void {
    const wait = tableAt + TABLE_EVERY_MS - Date.now();
    if (!force && wait > 0) {
      tableTimer ??= setTimeout(() => {
        tableTimer = undefined;
        updateTable(true);
      }, wait);
      return;
    }
    tableAt = Date.now();
    if (model) table.update(model, showSystem);
  }

  const activate = (target: Element | null): void => {
    const g = target?.closest<SVGGElement>('[data-key]');
    const item = g ? renderer.itemFor(g.dataset.key ?? '') : undefined;
    const t = item && targetOf(item);
    if (!t || !g) return;
    renderer.select(item.key);
    details.open(t, g);
    // The pane takes room from the map: keep the picked box in sight.
    requestAnimationFrame(() => {
      const box = g.getBoundingClientRect();
      const view = scroll.getBoundingClientRect();
      if (box.top < view.top) scroll.scrollTop -= view.top - box.top + 8;
      else if (box.bottom > view.bottom) scroll.scrollTop += box.bottom - view.bottom + 8;
    });
  };
  const onClick = (e: MouseEvent): void => activate(e.target as Element);
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const g = (e.target as Element).closest('[data-key]');
    if (!g) return;
    e.preventDefault();
    activate(g);
  };
  renderer.svg.addEventListener('click', onClick);
  renderer.svg.addEventListener('keydown', onKey);
  systemBox.addEventListener('change', () => {
    showSystem = systemBox.checked;
    writeFlag(SYSTEM_KEY, showSystem);
    model = undefined;
    markDirty();
    updateTable(true);
  });
  tableButton.addEventListener('click', () => {
    const shown = tableButton.getAttribute('aria-pressed') !== 'true';
    tableButton.setAttribute('aria-pressed', String(shown));
    table.el.classList.toggle('is-shown', shown);
    scroll.hidden = shown;
    if (shown) updateTable(true);
    width = -1;
    markDirty();
  });

  const resize = new ResizeObserver((entries) => {
    for (const e of entries) {
      if (e.target === root) visible = e.contentRect.width > 0 && e.contentRect.height > 0;
      else observedWidth = Math.floor(e.contentRect.width);
    }
    if (visible && (dirty || observedWidth !== width)) schedule();
  });
  resize.observe(root);
  resize.observe(scroll);
  const offChange = controller.onChange(() => {
    if (dirty || controller.session.cluster !== cluster) schedule();
  });
  watch();
  schedule();

  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(waitTimer);
    clearTimeout(tableTimer);
    offChange();
    resize.disconnect();
    for (const stop of unwatch) stop();
    renderer.dispose();
    details.dispose();
    announcer.dispose();
    root.remove();
  };
}

function sameTarget(a: MapTarget | undefined, b: MapTarget): boolean {
  return !!a && a.resource === b.resource && a.name === b.name && a.namespace === b.namespace;
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? '1' : '0');
  } catch {
    /* storage may be unavailable; the choice just is not remembered */
  }
}

// The map's stylesheet travels inside the sandbox bundle, as the terminal's does.
function adoptStyles(): void {
  if (document.getElementById('wh-map-css')) return;
  const style = document.createElement('style');
  style.id = 'wh-map-css';
  style.textContent = mapCss;
  document.head.append(style);
}

