/** What `kubectl get` asks the API server for: resolving `all`, listing with label and field selectors, and fetching by name. */
import type { KubeObject } from '../../../api/meta.ts';
import { notFound } from '../../../apiserver/errors.ts';
import { matchesSelector, parseSelector, type Selector } from '../../../apiserver/selectors.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { parseResourceArgs, type ResourceRequest } from '../../resource-args.ts';
import { fieldMatcher, listError } from './field-selector.ts';

/** ALL_CATEGORY is what the `all` category expands to, in the server's order, limited to the kinds the sandbox serves. */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'];

/** parseGetArgs is parseResourceArgs with the `all` category expanded in a comma-separated type list. */
export function parseGetArgs(args: readonly string[]): ResourceRequest[] {
  if (args.length === 0 || args.some((a) => a.includes('/'))) return parseResourceArgs(args);
  const [types, ...names] = args as [string, ...string[]];
  const expanded = types.split(',').flatMap((t) => (t.toLowerCase() === 'all' ? ALL_CATEGORY : [t]));
  const requests = parseResourceArgs([[...new Set(expanded)].join(','), ...names]);
  // `kubectl get ""` names no type at all; the resource builder cannot map the empty string.
  if (requests.length === 0) throw new KubectlError(`the server doesn't have a resource type "${expanded.find((t) => t === '') ?? ''}"`);
  return requests;
}

/** Filters are the selectors of one request, parsed once. */
export interface Filters {
  labelText: string;
  fieldText: string;
}

/** ObjectFilter tells whether an object belongs to a request's result (namespace, names, selectors). */
export type ObjectFilter = (obj: KubeObject) => boolean;

/** requestFilter builds the filter a list (or watch) of `req` applies; it throws the server's BadRequest for bad selectors. */
export function requestFilter(req: ResourceRequest, namespace: string | undefined, f: Filters): ObjectFilter {
  let labels: Selector | undefined;
  if (f.labelText) {
    try {
      labels = parseSelector(f.labelText);
    } catch (e) {
      throw listError(req.resource, f.labelText, f.fieldText, (e as Error).message);
    }
  }
  const fields = f.fieldText ? fieldMatcher(req.resource, f.labelText, f.fieldText) : undefined;
  const ns = req.resource.namespaced ? namespace : undefined;
  const names = req.names.length ? new Set(req.names) : undefined;
  return (obj) =>
    obj.kind === req.resource.kind &&
    (ns === undefined || obj.metadata.namespace === ns) &&
    (!names || names.has(obj.metadata.name!)) &&
    (!labels || matchesSelector(labels, obj.metadata.labels)) &&
    (!fields || fields(obj));
}

/** Fetched is one request's objects, plus the errors (already formatted as Error objects) it ran into. */
export interface Fetched {
  req: ResourceRequest;
  objects: KubeObject[];
  errors: Error[];
}

/** fetch lists or gets the objects of one request; `namespace` undefined means all namespaces. */
export function fetch(inv: Invocation, req: ResourceRequest, namespace: string | undefined, f: Filters, ignoreNotFound: boolean): Fetched {
  const ns = req.resource.namespaced ? namespace : undefined;
  if (req.names.length) {
    const objects: KubeObject[] = [];
    const errors: Error[] = [];
    for (const name of req.names) {
      const obj = inv.cluster.api.tryGet(req.resource.kind, ns ?? '', name);
      if (obj) objects.push(obj);
      else if (!ignoreNotFound) errors.push(notFound(req.resource, name));
    }
    return { req, objects, errors };
  }
  try {
    const filter = requestFilter(req, ns, f);
    return { req, objects: inv.cluster.api.list(req.resource.kind, ns).filter(filter), errors: [] };
  } catch (e) {
    return { req, objects: [], errors: [e as Error] };
  }
}
