/**
 * The resource builder as label, annotate, scale, set image and expose use it: objects named by
 * `TYPE NAME...`, `TYPE/NAME...`, `TYPE --all`, `TYPE -l SELECTOR` or `-f FILE`, fetched from the
 * server (the latest version), with NotFound errors kept in order instead of stopping.
 */
import type { KubeObject } from '../../api/meta.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import { Aggregate } from '../check-err.ts';
import type { Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { readManifests, type ManifestInfo } from '../manifests.ts';
import { parseResourceArgs } from '../resource-args.ts';

/** SelectOptions say how objects are named besides positional arguments. */
export interface SelectOptions {
  all?: boolean;
  selector?: string;
  allNamespaces?: boolean;
  filenames?: string[];
  recursive?: boolean;
}

/** Visited is one object the builder visited, or the error it met in its place (a NotFound). */
export type Visited = { obj: KubeObject; info?: ManifestInfo; error?: undefined } | { error: Error; obj?: undefined };

/** Selection is what the builder visited, in order, and the manifests' own errors (reported after the objects'). */
export interface Selection {
  visited: Visited[];
  /** The objects found. */
  items: { obj: KubeObject; info?: ManifestInfo }[];
  /** Errors kubectl reports after the objects' own: -f objects not found and unreadable manifests, combined. */
  late?: Error;
  /** Every error: per-object ones in visit order, then the late one. */
  errors: Error[];
  /** The builder's own failure (missing -f paths), which the verbs report before visiting anything. */
  unread?: Error;
  /** True when exactly one object was named (`TYPE NAME` or `TYPE/NAME` or one file object). */
  singleItem: boolean;
}

/** parseSelectorFlag parses `-l` as the server would, failing with kubectl's message. */
export function parseSelectorFlag(text: string) {
  try {
    return parseSelector(text);
  } catch (e) {
    throw new KubectlError(`unable to parse requirement: ${(e as Error).message}`);
  }
}

/** selectObjects resolves the command line to live objects. */
export function selectObjects(inv: Invocation, args: string[], opts: SelectOptions): Selection {
  const visited: Visited[] = [];
  const late: Error[] = [];
  let named = 0;
  let listed = false;
  if (opts.filenames?.length) {
    const { entries, error, unread } = readManifests(inv, { filenames: opts.filenames, recursive: !!opts.recursive, validate: 'ignore' });
    if (unread) return { visited, items: [], late: error, errors: [error!], unread: error, singleItem: false };
    // The builder refetches each object inside its stream visit, so a missing one is a stream error, reported late.
    for (const entry of entries) {
      if ('info' in entry) {
        named++;
        const { info } = entry;
        const live = inv.cluster.api.tryGet(info.resource.kind, info.namespace, info.name);
        if (live) visited.push({ obj: live, info });
        else late.push(notFound(info.resource, info.name));
      } else if (entry.stage === 'namespace') visited.push({ error: entry.error });
      else late.push(entry.error);
    }
  }
  const selector = opts.selector ? parseSelectorFlag(opts.selector) : undefined;
  for (const req of parseResourceArgs(args)) {
    const ns = req.resource.namespaced ? (opts.allNamespaces && req.names.length === 0 ? undefined : inv.namespace) : undefined;
    if (req.names.length) {
      for (const name of req.names) {
        named++;
        const obj = inv.cluster.api.tryGet(req.resource.kind, ns ?? '', name);
        visited.push(obj ? { obj } : { error: notFound(req.resource, name) });
      }
    } else if (opts.all || selector) {
      listed = true;
      for (const obj of inv.cluster.api.list(req.resource.kind, ns, { labelSelector: selector })) visited.push({ obj });
    } else {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
  }
  const items = visited.filter((v): v is { obj: KubeObject; info?: ManifestInfo } => !!v.obj);
  const lateError = late.length === 0 ? undefined : late.length === 1 ? late[0] : new Aggregate(late);
  const errors = [...visited.flatMap((v) => (v.error ? [v.error] : [])), ...(lateError ? [lateError] : [])];
  return { visited, items, late: lateError, errors, singleItem: named === 1 && !listed };
}
