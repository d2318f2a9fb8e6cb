/**
 * LabelIndex is the store's index of objects by label, per kind and namespace, like the
 * indexers client-go's informers keep: `app=web` in `default` names the Pods that carry it, so a
 * selector with an equality term reads one short list instead of every object in the namespace.
 * It holds names, not objects, and changes only when an object's labels do, which most writes
 * (status reports) leave alone.
 */
import type { KubeObject } from '../api/meta.ts';

type Postings = Map<string, Set<string>>;

/** LabelIndex maps `kind/namespace` and `key=value` to the names of the objects with that label. */
export class LabelIndex {
  private readonly byScope = new Map<string, Postings>();

  /** update moves an object's entries from its old labels to its new ones: `prev` and `next` are two versions of one object, either undefined when it was added or removed. */
  update(prev: KubeObject | undefined, next: KubeObject | undefined): void {
    const before = prev?.metadata.labels;
    const after = next?.metadata.labels;
    if (before === after) return;
    if (prev && before) this.remove(prev, before, after);
    if (next && after) this.add(next, after, before);
  }

  /** clear forgets everything, as a restore that rebuilds the store does. */
  clear(): void {
    this.byScope.clear();
  }

  /**
   * candidates returns the names of the objects that carry every label of `pairs`, sorted, or
   * undefined when `pairs` is empty (the index cannot narrow anything down).
   */
  candidates(kind: string, namespace: string, pairs: readonly (readonly [string, string])[]): string[] | undefined {
    if (pairs.length === 0) return undefined;
    const postings = this.byScope.get(scopeOf(kind, namespace));
    const lists = pairs.map(([k, v]) => postings?.get(`${k}=${v}`));
    if (lists.some((l) => !l)) return [];
    // Start from the shortest list and keep what every other list holds.
    const sorted = (lists as Set<string>[]).sort((a, b) => a.size - b.size);
    const out: string[] = [];
    for (const name of sorted[0]!) if (sorted.every((l) => l.has(name))) out.push(name);
    return out.sort();
  }

  private add(obj: KubeObject, labels: Record<string, string>, unlessIn: Record<string, string> | undefined): void {
    const scope = scopeOf(obj.kind, obj.metadata.namespace ?? '');
    let postings = this.byScope.get(scope);
    if (!postings) this.byScope.set(scope, (postings = new Map()));
    for (const k in labels) {
      if (unlessIn?.[k] === labels[k]) continue;
      const term = `${k}=${labels[k]}`;
      let names = postings.get(term);
      if (!names) postings.set(term, (names = new Set()));
      names.add(obj.metadata.name!);
    }
  }

  private remove(obj: KubeObject, labels: Record<string, string>, unlessIn: Record<string, string> | undefined): void {
    const postings = this.byScope.get(scopeOf(obj.kind, obj.metadata.namespace ?? ''));
    if (!postings) return;
    for (const k in labels) {
      if (unlessIn?.[k] === labels[k]) continue;
      const term = `${k}=${labels[k]}`;
      const names = postings.get(term);
      names?.delete(obj.metadata.name!);
      if (names?.size === 0) postings.delete(term);
    }
  }
}

function scopeOf(kind: string, namespace: string): string {
  return `${kind}/${namespace}`;
}
