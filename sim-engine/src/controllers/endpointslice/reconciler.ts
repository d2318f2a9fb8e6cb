/**
 * The EndpointSlice reconciler's plan (pkg/controller/endpointslice reconciler): given a
 * Service's slices and its desired endpoints, which slices to create, update and delete. Slices
 * hold at most 100 endpoints; a slice keeps its endpoints in place, dropping the ones no longer
 * wanted and taking changed ones as they now are; new endpoints first fill the slices already
 * being written (fullest first), then go where they fit best in an untouched slice, then into
 * new slices; a slice no longer needed is recycled for one that would be created. Only slices
 * holding an endpoint that changed are looked into, which is what lets a sync cost the size of
 * the change rather than the size of the Service.
 */
import type { EndpointSlice } from '../../api/endpoints.ts';
import { jsonEqual } from '../../util/json-equal.ts';

/** MAX_ENDPOINTS_PER_SLICE is kube-controller-manager's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** SliceEndpoint is one endpoints[] entry. */
export type SliceEndpoint = NonNullable<EndpointSlice['endpoints']>[number];
/** SlicePort is one ports[] entry. */
export type SlicePort = { name: string; port: number; protocol: string };

/** DesiredEndpoint is where one pod should be listed: its endpoint, under which ports. */
export interface DesiredEndpoint {
  endpoint: SliceEndpoint;
  ports: SlicePort[];
  /** The ports as JSON: endpoints with equal keys share slices. */
  portsKey: string;
}

/** SliceBody is what the plan writes into a slice; null is what the API serves for a placeholder's empty lists. */
export interface SliceBody {
  ports: SlicePort[] | null;
  endpoints: SliceEndpoint[] | null;
}

/** PortGroup is one set of ports and how many desired endpoints offer it. */
export interface PortGroup {
  ports: SlicePort[];
  count: number;
}

/** SlicePlan is the reconciler's outcome. `name` on an update says which slice it rewrites. */
export interface SlicePlan {
  create: SliceBody[];
  update: { name: string; body: SliceBody; labels: Record<string, string> }[];
  delete: string[];
}

/** ReconcileInput is a Service's state as the sync sees it. */
export interface ReconcileInput {
  /** The Service's slices, in name order. */
  slices: EndpointSlice[];
  desired: ReadonlyMap<string, DesiredEndpoint>;
  /** Per ports key, how many desired endpoints have those ports. */
  groups: ReadonlyMap<string, PortGroup>;
  /** The pods whose endpoints changed, and the slices that list one of them: only those are looked into. */
  changed: ReadonlySet<string>;
  touched: ReadonlySet<string>;
  labels: Record<string, string>;
}

/** plan works out the writes that bring a Service's slices to the desired endpoints. */
export function plan(input: ReconcileInput): SlicePlan {
  const { slices, desired, groups, changed, labels } = input;
  const result: SlicePlan = { create: [], update: [], delete: [] };
  const toDelete: EndpointSlice[] = [];
  // Per ports key: slices being rewritten (with their new endpoints) and slices left as they are.
  const updating = new Map<string, { slice: EndpointSlice; endpoints: SliceEndpoint[] }[]>();
  const unchanged = new Map<string, EndpointSlice[]>();
  const placed = new Set<string>();
  for (const slice of slices) {
    const key = portsKeyOf(slice.ports ?? null);
    if (!groups.get(key)?.count) {
      toDelete.push(slice);
      continue;
    }
    const current = slice.endpoints ?? [];
    const touched = input.touched.has(slice.metadata.name!);
    const endpoints = touched ? kept(current, desired, key) : current;
    // An untouched slice lists no changed pod, and only changed pods may need placing.
    if (touched) for (const ep of endpoints) placed.add(podOf(ep));
    // A slice emptied by this change goes; one that was empty already (written so by someone
    // else) is left as it is, as the real reconciler leaves it, and may be filled.
    if (touched && endpoints.length === 0) toDelete.push(slice);
    else if (touched && !sameEndpoints(current, endpoints)) push(updating, key, { slice, endpoints });
    else if (!jsonEqual(slice.metadata.labels, labels)) result.update.push({ name: slice.metadata.name!, body: bodyOf(slice, endpoints), labels });
    else push(unchanged, key, slice);
  }
  // New endpoints, by ports key, in pod-name order.
  const toPlace = new Map<string, SliceEndpoint[]>();
  for (const name of [...changed].sort()) {
    const d = desired.get(name);
    if (d && !placed.has(name)) push(toPlace, d.portsKey, d.endpoint);
  }
  for (const [key, list] of updating) {
    // Fill the slices being written anyway, fullest first.
    const fresh = toPlace.get(key) ?? [];
    list.sort((a, b) => b.endpoints.length - a.endpoints.length || compareNames(a.slice, b.slice));
    for (const u of list) {
      while (fresh.length && u.endpoints.length < MAX_ENDPOINTS_PER_SLICE) u.endpoints.push(fresh.shift()!);
      result.update.push({ name: u.slice.metadata.name!, body: { ports: u.slice.ports as SlicePort[], endpoints: u.endpoints }, labels });
    }
  }
  for (const [key, fresh] of toPlace) {
    const ports = groups.get(key)!.ports;
    const spare = unchanged.get(key) ?? [];
    while (fresh.length) {
      const fill = fresh.length < MAX_ENDPOINTS_PER_SLICE ? sliceToFill(spare, fresh.length) : undefined;
      if (fill) {
        spare.splice(spare.indexOf(fill), 1);
        result.update.push({ name: fill.metadata.name!, body: { ports, endpoints: [...(fill.endpoints ?? []), ...fresh.splice(0)] }, labels });
      } else {
        result.create.push({ ports, endpoints: fresh.splice(0, MAX_ENDPOINTS_PER_SLICE) });
      }
    }
  }
  // A Service with no endpoints keeps one placeholder slice.
  if (toDelete.length === slices.length && result.create.length === 0) {
    const only = toDelete.length === 1 ? toDelete[0]! : undefined;
    if (only && isPlaceholder(only) && jsonEqual(only.metadata.labels, labels)) toDelete.length = 0;
    else result.create.push({ ports: null, endpoints: null });
  }
  // A slice about to go is rewritten as one about to be created.
  for (const slice of toDelete) {
    const body = result.create.pop();
    if (body) result.update.push({ name: slice.metadata.name!, body, labels });
    else result.delete.push(slice.metadata.name!);
  }
  return result;
}

/** podOf names the pod an endpoint stands for. */
export function podOf(ep: SliceEndpoint): string {
  return ep.targetRef?.name ?? '';
}

/** getSliceToFill: the untouched slice that would be closest to full with `count` more endpoints. */
function sliceToFill(slices: EndpointSlice[], count: number): EndpointSlice | undefined {
  let best: EndpointSlice | undefined;
  let closest = MAX_ENDPOINTS_PER_SLICE;
  for (const slice of slices) {
    const diff = MAX_ENDPOINTS_PER_SLICE - (count + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closest) {
      closest = diff;
      best = slice;
      if (diff === 0) break;
    }
  }
  return best;
}

/** kept is a slice's endpoints as they are now wanted there: in place, changed ones as they now are, gone ones dropped. */
function kept(current: SliceEndpoint[], desired: ReadonlyMap<string, DesiredEndpoint>, key: string): SliceEndpoint[] {
  const out: SliceEndpoint[] = [];
  for (const ep of current) {
    const d = desired.get(podOf(ep));
    if (d && d.portsKey === key) out.push(d.endpoint);
  }
  return out;
}

/** portsKeyOf is a ports list as JSON, worked out once per (frozen, shared) list: slices keep the very list they were written with. */
export function portsKeyOf(ports: readonly object[] | null): string {
  if (ports === null) return 'null';
  let key = portsKeys.get(ports);
  if (key === undefined) portsKeys.set(ports, (key = JSON.stringify(ports)));
  return key;
}

const portsKeys = new WeakMap<readonly object[], string>();

function sameEndpoints(a: SliceEndpoint[], b: SliceEndpoint[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !jsonEqual(a[i], b[i])) return false;
  return true;
}

function bodyOf(slice: EndpointSlice, endpoints: SliceEndpoint[]): SliceBody {
  return { ports: (slice.ports ?? null) as SlicePort[] | null, endpoints: slice.endpoints ? endpoints : null };
}

function isPlaceholder(slice: EndpointSlice): boolean {
  return !slice.ports?.length && !slice.endpoints?.length;
}

function compareNames(a: EndpointSlice, b: EndpointSlice): number {
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
