/**
 * ServiceSelection is an endpoints controller's memory of the pods each Service selects and of
 * which of them changed since the Service was last synced, kept from watch events. A sync then
 * looks at the pods that changed instead of listing and filtering the whole namespace, which
 * would make a Deployment of a thousand pods behind a Service cost a thousand times a thousand.
 * Like an informer's cache it is derived state: forgotten on restore and rebuilt from the store
 * on the next sync, and a rebuilt selection reports every pod as changed.
 */
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { WatchEvent } from '../../store/store.ts';
import { selectedPods, selects } from './pods.ts';

/** SelectionChange is what a sync learns: the pods the Service selects now, by name, and which changed. */
export interface SelectionChange {
  selected: ReadonlyMap<string, Pod>;
  /** The names of the pods that changed since the last sync (or appeared or went), sorted. */
  changed: string[];
  /** True when the selection was rebuilt: every selected pod counts as changed. */
  full: boolean;
}

interface State {
  selected: Map<string, Pod>;
  dirty: Set<string>;
}

/** ServiceSelection tracks the pods each Service selects. */
export class ServiceSelection {
  private readonly states = new Map<string, State>();
  /** The Services of each namespace, kept from their watch: every pod change asks which select it. */
  private readonly services = new Map<string, Map<string, Service>>();
  private readonly api: ApiServer;

  constructor(api: ApiServer) {
    this.api = api;
  }

  /** podChanged notes a change to a pod for every Service that selects it now or did before, and returns their keys. */
  podChanged(pod: Pod, old: Pod | undefined): string[] {
    const keys: string[] = [];
    const services = this.services.get(pod.metadata.namespace ?? '');
    if (!services) return keys;
    for (const svc of services.values()) {
      if (!selects(svc, pod.metadata.labels) && !(old && selects(svc, old.metadata.labels))) continue;
      const key = serviceKey(svc);
      this.states.get(key)?.dirty.add(pod.metadata.name!);
      keys.push(key);
    }
    // In name order, as listing them would give, whatever order they were created in.
    return keys.length > 1 ? keys.sort() : keys;
  }

  /** serviceChanged follows a Service's watch event: what is known of its pods is dropped (its selector or ports may have changed), so the next sync starts over. */
  serviceChanged(e: WatchEvent): void {
    const svc = e.object as Service;
    const ns = svc.metadata.namespace ?? '';
    let services = this.services.get(ns);
    if (!services) this.services.set(ns, (services = new Map()));
    if (e.type === 'DELETED') services.delete(svc.metadata.name!);
    else services.set(svc.metadata.name!, svc);
    this.forget(serviceKey(svc));
  }

  /** forget drops what is known of one Service's pods: the next sync starts over. */
  forget(key: string): void {
    this.states.delete(key);
  }

  /** reset forgets everything and re-reads the Services, as after a restore. */
  reset(): void {
    this.states.clear();
    this.services.clear();
    for (const svc of this.api.list<Service>('Service')) this.serviceChanged({ type: 'ADDED', object: svc });
  }

  /** sync brings a Service's selection up to date and says what changed. */
  sync(svc: Service): SelectionChange {
    const key = serviceKey(svc);
    const state = this.states.get(key);
    if (!state) {
      const selected = new Map<string, Pod>();
      for (const pod of selectedPods(this.api, svc)) selected.set(pod.metadata.name!, pod);
      this.states.set(key, { selected, dirty: new Set() });
      return { selected, changed: [...selected.keys()], full: true };
    }
    const changed = [...state.dirty].sort();
    state.dirty.clear();
    for (const name of changed) {
      const pod = this.api.tryGet<Pod>('Pod', svc.metadata.namespace ?? '', name);
      if (pod && selects(svc, pod.metadata.labels)) state.selected.set(name, pod);
      else state.selected.delete(name);
    }
    return { selected: state.selected, changed, full: false };
  }
}

/** serviceKey is a Service's work-queue key, `namespace/name`. */
export function serviceKey(svc: Pick<Service, 'metadata'>): string {
  return `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;
}
