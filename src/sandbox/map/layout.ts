/**
 * layoutCluster places the map's model on a canvas of a given width: workloads (Deployments and
 * their ReplicaSets) on top, Services below them, then the nodes as boxes holding their pods,
 * grouped by owning ReplicaSet. Pure and deterministic: the same model and width give the same
 * boxes, each keyed by what it shows (a pod's uid), so a renderer can animate between layouts.
 */
import type { ClusterModel, MapDeployment, MapPod, MapReplicaSet, MapService } from './model.ts';

/** LayoutOptions: the canvas width in CSS pixels and whether kube-system pods are drawn. */
export interface LayoutOptions {
  width: number;
  showSystem: boolean;
}

interface Box {
  /** Stable identity across layouts: `pod:<uid>`, `node:<name>`, … */
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** NodeBox is a node (or the "not scheduled" tray) with the pods it holds. */
export interface NodeBox extends Box {
  type: 'node';
  name: string;
  status: string;
  ready: boolean;
  controlPlane: boolean;
  /** kube-system pods on the node that are not drawn. */
  hiddenSystem: number;
  /** True for the tray of pods no node has been chosen for. */
  tray: boolean;
  podCount: number;
}

/** PodBox is one pod tile. */
export interface PodBox extends Box {
  type: 'pod';
  pod: MapPod;
  /** Compact tiles are small squares without text (many pods). */
  compact: boolean;
  /** Palette index of the owning ReplicaSet; undefined for pods without one. */
  hue?: number;
}

/** ServiceBox is a Service pill. */
export interface ServiceBox extends Box {
  type: 'service';
  service: MapService;
}

/** DeploymentBox frames a Deployment and its ReplicaSets. */
export interface DeploymentBox extends Box {
  type: 'deployment';
  deployment?: MapDeployment;
  /** Title shown when the group is a ReplicaSet without a Deployment. */
  title: string;
}

/** ReplicaSetBox is one ReplicaSet chip, coloured like its pods. */
export interface ReplicaSetBox extends Box {
  type: 'replicaset';
  rs: MapReplicaSet;
  hue: number;
}

/** LinkBox is a line from a Service to a pod it sends traffic to, or (for many pods) to a node holding `count` of them. */
export interface LinkBox {
  key: string;
  type: 'link';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** How many pods the line stands for (1 for a line to a pod). */
  count: number;
}

/** LayoutItem is anything the map draws. */
export type LayoutItem = NodeBox | PodBox | ServiceBox | DeploymentBox | ReplicaSetBox | LinkBox;

/** MapLayout is the whole picture: its size and its items, in drawing order. */
export interface MapLayout {
  width: number;
  height: number;
  compact: boolean;
  items: LayoutItem[];
}

/** PALETTE_SIZE is how many ReplicaSet colours the renderer defines. */
export const PALETTE_SIZE = 8;

const PAD = 12;
const GAP = 8;
const SECTION_GAP = 16;
const NODE_MIN_W = 210;
const NODE_HEAD = 34;
const NODE_PAD = 10;
const NODE_FOOT = 20;
const TILE = { w: 128, h: 42 };
const COMPACT = { w: 22, h: 22 };
const MAX_FULL_ROWS = 5;
const SVC = { w: 168, h: 40 };
const RS = { w: 176, h: 26 };
const DEPLOY_HEAD = 28;
const RS_PER_DEPLOYMENT = 3;
/** MAX_POD_LINKS is how many pods a Service links to one by one before it links to their nodes. */
export const MAX_POD_LINKS = 12;

/** layoutCluster positions every box of the map for a canvas `opts.width` wide. */
export function layoutCluster(model: ClusterModel, opts: LayoutOptions): MapLayout {
  const width = Math.max(240, Math.floor(opts.width));
  const items: LayoutItem[] = [];
  const hues = assignHues(model.replicaSets);
  let y = PAD;

  y = layoutWorkloads(model, hues, width, y, items);
  const serviceStart = items.length;
  y = layoutServices(model.services.filter((s) => opts.showSystem || !isSystem(s.namespace)), width, y, items);
  const services = items.slice(serviceStart) as ServiceBox[];

  const { bottom, pods, compact } = layoutNodes(model, hues, width, y, opts.showSystem, items);
  y = bottom;

  // Links go from a Service's bottom edge to the top of each pod it selects; a Service with
  // many pods gets one line per node instead, weighted by how many of its pods are there.
  const links: LinkBox[] = [];
  const nodeBoxes = new Map((items.filter((i) => i.type === 'node') as NodeBox[]).map((n) => [n.key, n]));
  for (const svc of services) {
    const x1 = svc.x + svc.w / 2;
    const y1 = svc.y + svc.h;
    const targets = svc.service.pods.map((uid) => pods.get(uid)).filter((p): p is PodBox => p !== undefined);
    if (targets.length <= MAX_POD_LINKS) {
      for (const pod of targets) links.push({ key: `link:${svc.service.uid}:${pod.pod.uid}`, type: 'link', x1, y1, x2: pod.x + pod.w / 2, y2: pod.y, count: 1 });
      continue;
    }
    const perNode = new Map<string, number>();
    for (const pod of targets) {
      const key = `node:${pod.pod.node ?? '<unscheduled>'}`;
      perNode.set(key, (perNode.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perNode) {
      const node = nodeBoxes.get(key);
      if (node) links.push({ key: `link:${svc.service.uid}:${key}`, type: 'link', x1, y1, x2: node.x + node.w / 2, y2: node.y, count });
    }
  }
  items.push(...links);
  return { width, height: y + PAD, compact, items };
}

function isSystem(namespace: string): boolean {
  return namespace === 'kube-system' || namespace === 'kube-public' || namespace === 'kube-node-lease';
}

/** assignHues gives each ReplicaSet a palette colour, distinct from its siblings in the same Deployment. */
export function assignHues(replicaSets: readonly MapReplicaSet[]): Map<string, number> {
  const hues = new Map<string, number>();
  const used = new Map<string, Set<number>>();
  const ordered = [...replicaSets].sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0) || cmp(a.name, b.name));
  for (const rs of ordered) {
    const group = rs.deployment ?? rs.uid;
    const taken = used.get(group) ?? new Set<number>();
    let hue = hash(rs.uid || rs.name) % PALETTE_SIZE;
    for (let i = 0; i < PALETTE_SIZE && taken.has(hue); i++) hue = (hue + 3) % PALETTE_SIZE;
    taken.add(hue);
    used.set(group, taken);
    hues.set(rs.uid, hue);
  }
  return hues;
}

function layoutWorkloads(model: ClusterModel, hues: Map<string, number>, width: number, top: number, items: LayoutItem[]): number {
  const groups: { key: string; title: string; deployment?: MapDeployment; sets: MapReplicaSet[] }[] = [];
  for (const d of [...model.deployments].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name))) {
    if (isSystem(d.namespace)) continue;
    const sets = model.replicaSets
      .filter((rs) => rs.deployment === d.uid)
      .sort((a, b) => Number(b.revision ?? 0) - Number(a.revision ?? 0))
      .filter((rs, i) => i < RS_PER_DEPLOYMENT || rs.desired > 0 || rs.current > 0)
      .reverse();
    groups.push({ key: `deploy:${d.uid}`, title: `deployment/${d.name}`, deployment: d, sets });
  }
  for (const rs of model.replicaSets) {
    if (rs.deployment || isSystem(rs.namespace)) continue;
    groups.push({ key: `deploy:rs:${rs.uid}`, title: `replicaset/${rs.name}`, sets: [rs] });
  }
  if (!groups.length) return top;
  const inner = width - 2 * PAD;
  const chipsPerRow = Math.max(1, Math.floor((inner - 2 * GAP + GAP) / (RS.w + GAP)));
  let x = PAD;
  let y = top;
  let rowH = 0;
  for (const g of groups) {
    const n = Math.max(1, g.sets.length);
    const cols = Math.min(n, chipsPerRow);
    const rows = Math.ceil(n / cols);
    const w = Math.min(inner, Math.max(RS.w + 2 * GAP, cols * (RS.w + GAP) + GAP));
    const h = DEPLOY_HEAD + rows * (RS.h + GAP) + GAP / 2;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += rowH + GAP;
      rowH = 0;
    }
    items.push({ key: g.key, type: 'deployment', x, y, w, h, deployment: g.deployment, title: g.title });
    g.sets.forEach((rs, i) => {
      const cx = x + GAP + (i % cols) * (RS.w + GAP);
      const cy = y + DEPLOY_HEAD + Math.floor(i / cols) * (RS.h + GAP);
      items.push({ key: `rs:${rs.uid}`, type: 'replicaset', x: cx, y: cy, w: RS.w, h: RS.h, rs, hue: hues.get(rs.uid) ?? 0 });
    });
    x += w + GAP;
    rowH = Math.max(rowH, h);
  }
  return y + rowH + SECTION_GAP;
}

function layoutServices(services: MapService[], width: number, top: number, items: LayoutItem[]): number {
  if (!services.length) return top;
  const sorted = [...services].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name));
  const w = Math.min(SVC.w, width - 2 * PAD);
  const perRow = Math.max(1, Math.floor((width - 2 * PAD + GAP) / (w + GAP)));
  sorted.forEach((service, i) => {
    items.push({ key: `svc:${service.uid}`, type: 'service', x: PAD + (i % perRow) * (w + GAP), y: top + Math.floor(i / perRow) * (SVC.h + GAP), w, h: SVC.h, service });
  });
  const rows = Math.ceil(sorted.length / perRow);
  // Room below the pills for the links to fan out before they reach the nodes.
  return top + rows * (SVC.h + GAP) - GAP + SECTION_GAP + 12;
}

interface NodeSlot {
  key: string;
  name: string;
  status: string;
  ready: boolean;
  controlPlane: boolean;
  tray: boolean;
  pods: MapPod[];
  hiddenSystem: number;
}

function layoutNodes(
  model: ClusterModel,
  hues: Map<string, number>,
  width: number,
  top: number,
  showSystem: boolean,
  items: LayoutItem[],
): { bottom: number; pods: Map<string, PodBox>; compact: boolean } {
  const slots: NodeSlot[] = [...model.nodes]
    .sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || cmp(a.name, b.name))
    .map((n) => ({ key: `node:${n.name}`, name: n.name, status: n.status, ready: n.ready, controlPlane: n.controlPlane, tray: false, pods: [], hiddenSystem: 0 }));
  const byName = new Map(slots.map((s) => [s.name, s]));
  const tray: NodeSlot = { key: 'node:<unscheduled>', name: 'Not scheduled', status: '', ready: true, controlPlane: false, tray: true, pods: [], hiddenSystem: 0 };
  for (const pod of model.pods) {
    const slot = (pod.node && byName.get(pod.node)) || tray;
    if (pod.system && !showSystem) slot.hiddenSystem++;
    else slot.pods.push(pod);
  }
  if (tray.pods.length) slots.push(tray);
  const order = ownerOrder(model);
  for (const s of slots) s.pods.sort((a, b) => (order.get(a.owner ?? '') ?? 1e9) - (order.get(b.owner ?? '') ?? 1e9) || cmp(a.ownerName ?? '', b.ownerName ?? '') || cmp(a.name, b.name));

  const maxCols = Math.max(1, Math.floor((width - 2 * PAD + GAP) / (NODE_MIN_W + GAP)));
  const rowsOfNodes = Math.max(1, Math.ceil(slots.length / maxCols));
  const cols = Math.max(1, Math.ceil(slots.length / rowsOfNodes));
  const nodeW = Math.floor((width - 2 * PAD - (cols - 1) * GAP) / cols);
  const inner = nodeW - 2 * NODE_PAD;
  const fullCols = Math.max(1, Math.floor((inner + GAP) / (TILE.w + GAP)));
  const mostPods = Math.max(0, ...slots.map((s) => s.pods.length));
  const compact = Math.ceil(mostPods / fullCols) > MAX_FULL_ROWS;
  const tile = compact ? COMPACT : TILE;
  const gap = compact ? 4 : GAP;
  const tileCols = Math.max(1, Math.floor((inner + gap) / (tile.w + gap)));
  // Full tiles stretch to share the node's width; compact ones keep their size.
  const tileW = compact ? tile.w : Math.floor((inner - (tileCols - 1) * gap) / tileCols);

  const pods = new Map<string, PodBox>();
  let y = top;
  for (let r = 0; r < rowsOfNodes; r++) {
    const row = slots.slice(r * cols, r * cols + cols);
    const heights = row.map((s) => {
      const rows = Math.ceil(s.pods.length / tileCols);
      const body = rows ? rows * (tile.h + gap) - gap : 0;
      return NODE_HEAD + body + (s.hiddenSystem ? NODE_FOOT : 0) + NODE_PAD + (rows ? 0 : 8);
    });
    const rowH = Math.max(...heights);
    row.forEach((s, c) => {
      const x = PAD + c * (nodeW + GAP);
      items.push({
        key: s.key,
        type: 'node',
        x,
        y,
        w: nodeW,
        h: rowH,
        name: s.name,
        status: s.status,
        ready: s.ready,
        controlPlane: s.controlPlane,
        hiddenSystem: s.hiddenSystem,
        tray: s.tray,
        podCount: s.pods.length,
      });
      s.pods.forEach((pod, i) => {
        const box: PodBox = {
          key: `pod:${pod.uid}`,
          type: 'pod',
          x: x + NODE_PAD + (i % tileCols) * (tileW + gap),
          y: y + NODE_HEAD + Math.floor(i / tileCols) * (tile.h + gap),
          w: tileW,
          h: tile.h,
          pod,
          compact,
          hue: pod.owner !== undefined ? hues.get(pod.owner) : undefined,
        };
        pods.set(pod.uid, box);
      });
    });
    y += rowH + GAP;
  }
  // Pods are drawn after every node so that a pod moving between nodes stays on top.
  items.push(...pods.values());
  return { bottom: y - GAP, pods, compact };
}

// Pods sit in their owner's group: Deployments by name, their ReplicaSets oldest revision first,
// so a rolling update reads left to right, old pods going and new ones arriving.
function ownerOrder(model: ClusterModel): Map<string, number> {
  const deployments = new Map(model.deployments.map((d) => [d.uid, d.name]));
  const sorted = [...model.replicaSets].sort(
    (a, b) =>
      cmp(deployments.get(a.deployment ?? '') ?? a.name, deployments.get(b.deployment ?? '') ?? b.name) ||
      Number(a.revision ?? 0) - Number(b.revision ?? 0) ||
      cmp(a.name, b.name),
  );
  return new Map(sorted.map((rs, i) => [rs.uid, i]));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** hash is a small stable string hash (FNV-1a). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
