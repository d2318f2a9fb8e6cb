/**
 * diffLayout compares two layouts by key: what appears, what changed, what goes. The renderer
 * touches only those elements, so a frame costs what changed, not the size of the cluster.
 */
import type { LayoutItem } from './layout.ts';

/** LayoutDiff lists the items to create, to update (with their previous state) and to remove. */
export interface LayoutDiff {
  enter: LayoutItem[];
  update: { prev: LayoutItem; next: LayoutItem }[];
  exit: LayoutItem[];
}

/** diffLayout returns the keyed difference between the previous items and the next ones. */
export function diffLayout(prev: ReadonlyMap<string, LayoutItem>, next: readonly LayoutItem[]): LayoutDiff {
  const diff: LayoutDiff = { enter: [], update: [], exit: [] };
  const seen = new Set<string>();
  for (const item of next) {
    seen.add(item.key);
    const old = prev.get(item.key);
    if (!old) diff.enter.push(item);
    else if (!sameItem(old, item)) diff.update.push({ prev: old, next: item });
  }
  for (const [key, item] of prev) if (!seen.has(key)) diff.exit.push(item);
  return diff;
}

/** sameItem tells whether two states of one item would be drawn identically. */
export function sameItem(a: LayoutItem, b: LayoutItem): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'link' || b.type === 'link') {
    return a.type === 'link' && b.type === 'link' && a.x1 === b.x1 && a.y1 === b.y1 && a.x2 === b.x2 && a.y2 === b.y2 && a.count === b.count;
  }
  if (a.x !== b.x || a.y !== b.y || a.w !== b.w || a.h !== b.h) return false;
  switch (a.type) {
    case 'pod': {
      const o = b as typeof a;
      return a.compact === o.compact && a.hue === o.hue && a.pod.version === o.pod.version && a.pod.status === o.pod.status && a.pod.ready === o.pod.ready;
    }
    case 'node': {
      const o = b as typeof a;
      return a.status === o.status && a.hiddenSystem === o.hiddenSystem && a.podCount === o.podCount && a.name === o.name;
    }
    case 'service':
      return a.service.version === (b as typeof a).service.version && a.service.pods.length === (b as typeof a).service.pods.length;
    case 'deployment':
      return a.deployment?.version === (b as typeof a).deployment?.version && a.title === (b as typeof a).title;
    case 'replicaset':
      return a.rs.version === (b as typeof a).rs.version && a.hue === (b as typeof a).hue;
  }
}
