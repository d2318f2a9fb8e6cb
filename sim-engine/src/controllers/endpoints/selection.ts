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
import { selectedPods, selects, servicesFor } from './pods.ts';

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
  private readonly api: ApiServer;

  constructor(api: ApiServer) {
    this.api = api;
  }

  /** podChanged notes a change to a pod for every Service that selects it now or did before, and returns their keys. */
  podChanged(pod: Pod, old: Pod | undefined): string[] {
    const keys: string[] = [];
    for (const svc of servicesFor(this.api, pod, old)) {
      const key = serviceKey(svc);
      this.states.get(key)?.dirty.add(pod.metadata.name!);
      keys.push(key);
    }
    return keys;
  }

  /** forget drops what is known of one Service (its selector or ports may have changed): the next sync starts over. */
  forget(key: string): void {
    this.states.delete(key);
  }

  /** reset forgets every Service, as after a restore. */
  reset(): void {
    this.states.clear();
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
