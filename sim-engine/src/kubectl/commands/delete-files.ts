/** `kubectl delete -f`: the objects named by manifests, with the resource builder's and the delete visitor's errors in kubectl's order. */
import type { KubeObject } from '../../api/meta.ts';
import { notFound, StatusError } from '../../apiserver/errors.ts';
import { addSourceToErr, Aggregate } from '../check-err.ts';
import type { Invocation } from '../command.ts';
import { bool, list } from '../flags.ts';
import { readManifests, splitErrors } from '../manifests.ts';

/** fileTargets reads `-f` and returns the live objects to delete plus the combined error (missing objects in visit order, then unreadable manifests). */
export function fileTargets(inv: Invocation): { targets: KubeObject[]; error?: Error } {
  const { entries, error, unread } = readManifests(inv, { filenames: list(inv.flags, 'filename'), recursive: bool(inv.flags, 'recursive'), validate: 'ignore' });
  if (unread) return { targets: [], error };
  const targets: KubeObject[] = [];
  const perObject: Error[] = [];
  for (const entry of entries) {
    if (!('info' in entry)) {
      if (entry.stage === 'namespace') perObject.push(entry.error);
      continue;
    }
    const { info } = entry;
    const live = inv.cluster.api.tryGet(info.resource.kind, info.namespace, info.name);
    if (live) {
      if (!targets.some((t) => t.metadata.uid === live.metadata.uid)) targets.push(live);
    } else if (!bool(inv.flags, 'ignore-not-found')) {
      perObject.push(addSourceToErr('deleting', info.source, notFound(info.resource, info.name)));
    }
  }
  const { stream } = splitErrors(entries);
  const inner = stream && bool(inv.flags, 'ignore-not-found') ? withoutNotFound(stream) : stream;
  const all = [...perObject, ...(inner ? [inner] : [])];
  return { targets, error: all.length === 0 ? undefined : all.length === 1 ? all[0] : new Aggregate(all) };
}

function withoutNotFound(err: Error): Error | undefined {
  if (err instanceof StatusError && err.reason === 'NotFound') return undefined;
  if (err instanceof Aggregate) {
    const kept = err.errors.map(withoutNotFound).filter((e): e is Error => !!e);
    return kept.length ? new Aggregate(kept) : undefined;
  }
  return err;
}
