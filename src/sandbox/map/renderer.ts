/**
 * MapRenderer draws a MapLayout into an SVG by keyed diffing: each box is one `<g>` keyed by
 * its layout key; a frame creates, moves or removes only what changed. Positions are CSS
 * transforms, so moves and fades are CSS transitions (switched off under reduced motion).
 */
import { diffLayout } from './diff.ts';
import type { DeploymentBox, LayoutItem, LinkBox, MapLayout, NodeBox, PodBox, ReplicaSetBox, ServiceBox } from './layout.ts';
import { itemLabel } from './labels.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** LEAVE_MS matches the CSS fade-out before a removed box is dropped. */
const LEAVE_MS = 400;
/** BUSY_MOVES is how many pods may move in one frame before moves stop animating. */
const BUSY_MOVES = 12;

type Layer = 'workloads' | 'nodes' | 'links' | 'pods' | 'services';

const LAYER_OF: Record<LayoutItem['type'], Layer> = {
  deployment: 'workloads',
  replicaset: 'workloads',
  node: 'nodes',
  link: 'links',
  pod: 'pods',
  service: 'services',
};

/** MapRenderer owns the map's SVG and keeps it equal to the last layout it was given. */
export class MapRenderer {
  readonly svg: SVGSVGElement;
  private readonly layers = new Map<Layer, SVGGElement>();
  private readonly items = new Map<string, LayoutItem>();
  private readonly elements = new Map<string, SVGElement>();
  private readonly leaving = new Set<ReturnType<typeof setTimeout>>();
  private entering: SVGElement[] = [];
  private enterFrame = 0;
  private selected: string | undefined;

  constructor(host: Element) {
    this.svg = svgEl('svg', { class: 'wh-map__svg', role: 'group', 'aria-label': 'Cluster map' }) as SVGSVGElement;
    for (const layer of ['workloads', 'nodes', 'links', 'pods', 'services'] as const) {
      const g = svgEl('g', { class: `wh-map__layer wh-map__layer--${layer}` }) as SVGGElement;
      this.layers.set(layer, g);
      this.svg.append(g);
    }
    host.append(this.svg);
  }

  /** itemFor returns the layout item drawn under a key. */
  itemFor(key: string): LayoutItem | undefined {
    return this.items.get(key);
  }

  /** select marks one box as the one shown in the details pane (undefined for none). */
  select(key: string | undefined): void {
    if (this.selected) this.elements.get(this.selected)?.classList.remove('is-selected');
    this.selected = key;
    if (key) this.elements.get(key)?.classList.add('is-selected');
  }

  /** render brings the SVG to `layout`, touching only the boxes that changed. */
  render(layout: MapLayout): void {
    setAttrs(this.svg, { viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height });
    const diff = diffLayout(this.items, layout.items);
    // When many boxes move at once, they jump instead of gliding and fading (see map.css): the
    // picture stays readable and the frame stays cheap. A few moves (one pod starting or going) still animate.
    const moves = diff.update.reduce((n, u) => n + (u.next.type === 'pod' && u.prev.type === 'pod' && (u.prev.x !== u.next.x || u.prev.y !== u.next.y) ? 1 : 0), 0);
    this.svg.classList.toggle('is-busy', moves > BUSY_MOVES);
    for (const item of diff.exit) this.remove(item);
    for (const { prev, next } of diff.update) this.update(prev, next);
    for (const item of diff.enter) this.add(item);
    if (this.entering.length && !this.enterFrame) {
      // Let the new boxes be painted transparent once, then fade them in.
      this.enterFrame = requestAnimationFrame(() => {
        this.enterFrame = requestAnimationFrame(() => {
          this.enterFrame = 0;
          for (const el of this.entering) el.classList.remove('is-entering');
          this.entering = [];
        });
      });
    }
  }

  /** dispose cancels pending animations. */
  dispose(): void {
    cancelAnimationFrame(this.enterFrame);
    for (const t of this.leaving) clearTimeout(t);
    this.svg.remove();
  }

  private add(item: LayoutItem): void {
    const el = create(item);
    this.items.set(item.key, item);
    this.elements.set(item.key, el);
    paint(el, undefined, item);
    if (item.key === this.selected) el.classList.add('is-selected');
    if (item.type !== 'link' && !reducedMotion()) {
      el.classList.add('is-entering');
      this.entering.push(el);
    }
    this.layers.get(LAYER_OF[item.type])!.append(el);
  }

  private update(prev: LayoutItem, next: LayoutItem): void {
    const el = this.elements.get(next.key);
    if (!el) return;
    this.items.set(next.key, next);
    paint(el, prev, next);
    if (next.key === this.selected) el.classList.add('is-selected');
  }

  private remove(item: LayoutItem): void {
    const el = this.elements.get(item.key);
    this.items.delete(item.key);
    this.elements.delete(item.key);
    if (!el) return;
    el.removeAttribute('data-key');
    el.removeAttribute('tabindex');
    el.setAttribute('aria-hidden', 'true');
    if (item.type === 'link' || reducedMotion()) {
      el.remove();
      return;
    }
    el.classList.add('is-leaving');
    const t = setTimeout(() => {
      this.leaving.delete(t);
      el.remove();
    }, LEAVE_MS);
    this.leaving.add(t);
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function svgEl(tag: string, attrs: Record<string, string> = {}): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// Each box type is built once with fixed children, then only attributes and text change.
function create(item: LayoutItem): SVGElement {
  if (item.type === 'link') return svgEl('path', { class: 'map-link' });
  const g = svgEl('g', { 'data-key': item.key, tabindex: '0', role: 'button' });
  const kids: Record<Exclude<LayoutItem['type'], 'link'>, string[]> = {
    node: ['rect.map-node__box', 'text.map-node__name', 'text.map-node__status', 'text.map-node__foot'],
    pod: ['title', 'rect.map-pod__box', 'rect.map-pod__hue', 'text.map-pod__name', 'text.map-pod__status'],
    service: ['rect.map-svc__box', 'text.map-svc__name', 'text.map-svc__sub'],
    deployment: ['rect.map-deploy__box', 'text.map-deploy__name', 'text.map-deploy__sub'],
    replicaset: ['rect.map-rs__box', 'rect.map-rs__hue', 'text.map-rs__name'],
  };
  for (const spec of kids[item.type]) {
    const [tag, cls] = spec.split('.') as [string, string | undefined];
    g.append(svgEl(tag, cls ? { class: cls } : {}));
  }
  return g;
}

function paint(el: SVGElement, prev: LayoutItem | undefined, next: LayoutItem): void {
  if (next.type === 'link') {
    paintLink(el, next);
    return;
  }
  if (!prev || prev.type === 'link' || prev.x !== next.x || prev.y !== next.y) el.style.transform = `translate(${next.x}px, ${next.y}px)`;
  setAttrs(el, { 'aria-label': itemLabel(next) });
  switch (next.type) {
    case 'pod':
      return paintPod(el, prev as PodBox | undefined, next);
    case 'node':
      return paintNode(el, next);
    case 'service':
      return paintService(el, next);
    case 'deployment':
      return paintDeployment(el, next);
    case 'replicaset':
      return paintReplicaSet(el, next);
  }
}

function child(el: SVGElement, i: number): SVGElement {
  return el.children[i] as SVGElement;
}

function setAttrs(el: SVGElement, attrs: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(attrs)) {
    const s = String(v);
    if (el.getAttribute(k) !== s) el.setAttribute(k, s);
  }
}

// Keeps the state classes (entering, leaving, selected) the renderer adds on top of the painted ones.
function setClass(el: SVGElement, painted: string): void {
  const extra = ['is-entering', 'is-leaving', 'is-selected'].filter((c) => el.classList.contains(c));
  const value = extra.length ? `${painted} ${extra.join(' ')}` : painted;
  if (el.getAttribute('class') !== value) el.setAttribute('class', value);
}

function setText(el: SVGElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function paintPod(el: SVGElement, prev: PodBox | undefined, p: PodBox): void {
  const { pod } = p;
  setClass(el, `map-pod tone-${pod.tone}${p.compact ? ' is-compact' : ''}${p.hue === undefined ? '' : ` hue-${p.hue}`}`);
  setText(child(el, 0), `${pod.name} · ${pod.status} · ${pod.ready} ready${pod.node ? ` · ${pod.node}` : ''}`);
  setAttrs(child(el, 1), { width: p.w, height: p.h, rx: p.compact ? 4 : 6 });
  setAttrs(child(el, 2), { width: p.compact ? p.w : 4, height: p.compact ? 4 : p.h, rx: 2, y: p.compact ? p.h - 4 : 0 });
  if (p.compact) {
    setText(child(el, 3), '');
    setText(child(el, 4), '');
    return;
  }
  if (prev?.w !== p.w || prev.pod.name !== pod.name) {
    setAttrs(child(el, 3), { x: 10, y: 17 });
    setText(child(el, 3), fit(pod.name, p.w - 16, 6.6, true));
  }
  setAttrs(child(el, 4), { x: 10, y: 33 });
  setText(child(el, 4), fit(`${pod.status} · ${pod.ready}`, p.w - 16, 6.1, false));
}

function paintNode(el: SVGElement, n: NodeBox): void {
  setClass(el, `map-node${n.ready ? '' : ' is-down'}${n.tray ? ' is-tray' : ''}${n.controlPlane ? ' is-control-plane' : ''}`);
  setAttrs(child(el, 0), { width: n.w, height: n.h, rx: 10 });
  setAttrs(child(el, 1), { x: 12, y: 22 });
  setText(child(el, 1), fit(n.tray ? 'Not scheduled' : n.name, n.w * 0.55, 7.4, false));
  setAttrs(child(el, 2), { x: n.w - 12, y: 22 });
  setText(child(el, 2), n.tray ? `${n.podCount} pending` : fit(n.status, n.w * 0.45 - 12, 6.1, false));
  setAttrs(child(el, 3), { x: 12, y: n.h - 10 });
  setText(child(el, 3), n.hiddenSystem ? `+ ${n.hiddenSystem} kube-system pod${n.hiddenSystem === 1 ? '' : 's'}` : '');
}

function paintService(el: SVGElement, s: ServiceBox): void {
  setClass(el, 'map-svc');
  setAttrs(child(el, 0), { width: s.w, height: s.h, rx: s.h / 2 });
  setAttrs(child(el, 1), { x: 16, y: 17 });
  setText(child(el, 1), fit(`svc/${s.service.name}`, s.w - 28, 6.8, false));
  setAttrs(child(el, 2), { x: 16, y: 31 });
  const n = s.service.pods.length;
  const sub = s.service.selector ? `${s.service.type} · ${n} pod${n === 1 ? '' : 's'}` : `${s.service.type} · ${s.service.clusterIP}`;
  setText(child(el, 2), fit(sub, s.w - 28, 6.1, false));
}

function paintDeployment(el: SVGElement, d: DeploymentBox): void {
  setClass(el, 'map-deploy');
  setAttrs(child(el, 0), { width: d.w, height: d.h, rx: 8 });
  setAttrs(child(el, 1), { x: 10, y: 18 });
  setText(child(el, 1), fit(d.title, d.w - 90, 6.8, false));
  setAttrs(child(el, 2), { x: d.w - 10, y: 18 });
  setText(child(el, 2), d.deployment ? `${d.deployment.ready}/${d.deployment.desired} ready` : '');
}

function paintReplicaSet(el: SVGElement, r: ReplicaSetBox): void {
  setClass(el, `map-rs hue-${r.hue}${r.rs.desired === 0 && r.rs.current === 0 ? ' is-idle' : ''}`);
  setAttrs(child(el, 0), { width: r.w, height: r.h, rx: 5 });
  setAttrs(child(el, 1), { width: 4, height: r.h, rx: 2 });
  setAttrs(child(el, 2), { x: 10, y: 17 });
  const rev = r.rs.revision ? `rev ${r.rs.revision} · ` : '';
  // The numbers first: a long generated name is what gets cut.
  setText(child(el, 2), fit(`${rev}${r.rs.current}/${r.rs.desired} · ${r.rs.name}`, r.w - 16, 6.1, false));
}

function paintLink(el: SVGElement, l: LinkBox): void {
  const mid = (l.y1 + l.y2) / 2;
  setAttrs(el, { d: `M${l.x1} ${l.y1} C${l.x1} ${mid} ${l.x2} ${mid} ${l.x2} ${l.y2}`, 'stroke-width': l.count === 1 ? 1.25 : Math.min(8, 1.5 + Math.sqrt(l.count)) });
}

/** fit shortens text to about `width` pixels at `charW` per character, eliding the middle of names. */
export function fit(text: string, width: number, charW: number, middle: boolean): string {
  const max = Math.max(3, Math.floor(width / charW));
  if (text.length <= max) return text;
  if (!middle) return `${text.slice(0, max - 1)}…`;
  const tail = Math.ceil((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}
