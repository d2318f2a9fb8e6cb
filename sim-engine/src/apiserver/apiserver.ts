/**
 * ApiServer is the only door to the store. Every request is admitted the way a real API server
 * admits it (defaulting, validation, namespace checks), stamped (uid, resourceVersion,
 * timestamps, generation) and recorded in the audit log of who wrote what, when.
 */
import type { KubeObject } from '../api/meta.ts';
import { lookupResource, resourceForKind, type ResourceInfo } from '../api/resources.ts';
import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';
import { jsonEqual } from '../util/json-equal.ts';
import { copyUnowned, shareUnchanged } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';
import { alreadyExists, forbidden, invalid, notFound, StatusError } from './errors.ts';
import { strategyFor } from './strategies/index.ts';
import type { StrategyContext } from './strategies/strategy.ts';
import { dns1123Subdomain } from './validation/names.ts';
import { validateMeta } from './validation/meta.ts';
import { matchesSelector, type Selector } from './selectors.ts';

/** AuditEntry records one write: who made it, what it did, to which object, and when. */
export interface AuditEntry {
  time: number;
  resourceVersion: string;
  actor: string;
  verb: 'create' | 'update' | 'status' | 'delete';
  kind: string;
  namespace: string;
  name: string;
}

/** DeleteOptions mirrors metav1.DeleteOptions. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** ListOptions narrows a list by label and field selectors. */
export interface ListOptions {
  labelSelector?: Selector;
  fieldSelector?: (obj: KubeObject) => boolean;
}

const AUDIT_LIMIT = 2000;
/** GENERATE_NAME_ATTEMPTS is how many names the server draws for one generateName create. */
const GENERATE_NAME_ATTEMPTS = 8;

/** ApiServer admits, stores and deletes objects. */
export class ApiServer {
  readonly audit: AuditEntry[] = [];
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly random: Random;

  constructor(store: Store, clock: Clock, random: Random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /** get returns an object or throws NotFound. */
  get<T extends KubeObject>(kind: string, namespace: string, name: string): T {
    const r = mustResource(kind);
    const obj = this.store.get(kind, r.namespaced ? namespace : '', name);
    if (!obj) throw notFound(r, name);
    return obj as T;
  }

  /** tryGet returns an object or undefined. */
  tryGet<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    const r = mustResource(kind);
    return this.store.get(kind, r.namespaced ? namespace : '', name) as T | undefined;
  }

  /** list returns the objects of a kind in a namespace (all namespaces when undefined) that match the options. */
  list<T extends KubeObject>(kind: string, namespace?: string, opts: ListOptions = {}): T[] {
    const r = mustResource(kind);
    const ns = r.namespaced ? namespace : undefined;
    // Equality terms (app=web) narrow the candidates through the store's label index first.
    const equal = (opts.labelSelector ?? []).filter((req) => req.op === 'in' && req.values.length === 1).map((req) => [req.key, req.values[0]!] as const);
    let items = this.store.listByLabels(kind, ns, equal) ?? this.store.list(kind, ns);
    if (opts.labelSelector) items = items.filter((o) => matchesSelector(opts.labelSelector!, o.metadata.labels));
    if (opts.fieldSelector) items = items.filter(opts.fieldSelector);
    return items as T[];
  }

  /** create admits and stores a new object, returning it as stored. */
  create<T extends KubeObject>(input: T, actor: string, opts: { dryRun?: boolean } = {}): T {
    const r = mustResource(input.kind);
    const strategy = strategyFor(input.kind);
    const ctx = strategy.defaults || strategy.validate || strategy.prepareForCreate ? this.context() : undefined;
    let obj = copyUnowned(input);
    const meta = { ...obj.metadata };
    if (r.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName.slice(0, 58)}${this.random.string(5)}`;
    // copyUnowned shares a frozen input as it is and copies any other: that copy is this request's own.
    if (Object.isFrozen(obj)) obj = { ...obj, metadata: meta };
    else obj.metadata = meta;
    // Namespace lifecycle is admission, which runs before the object is validated.
    if (r.namespaced) this.checkNamespace(r, meta.namespace!, meta.name ?? '');
    if (strategy.defaults) obj = strategy.defaults(obj, ctx!) as T;
    const metaErrs = validateMeta(obj.metadata, strategy.nameCheck ?? dns1123Subdomain);
    const kindErrs = strategy.validate?.(obj, ctx!) ?? [];
    if (metaErrs.length || kindErrs.length) throw invalid(r.kind, r.group, meta.name ?? meta.generateName ?? '', [...metaErrs, ...kindErrs]);
    if (this.store.get(r.kind, meta.namespace ?? '', meta.name!)) {
      if (input.metadata.name || !meta.generateName) throw alreadyExists(r, meta.name!);
      obj = { ...obj, metadata: { ...obj.metadata, name: this.redrawName(r, meta.namespace ?? '', meta.generateName) } };
    }
    if (strategy.prepareForCreate) obj = strategy.prepareForCreate(obj, ctx!) as T;
    const now = rfc3339(this.clock.now());
    // The object and its metadata are this request's own copies unless a strategy replaced them:
    // the server's fields are then set on them in place (the keys land where a spread puts them).
    const own = !Object.isFrozen(obj) && obj.metadata === meta;
    const metadata: KubeObject['metadata'] = own ? meta : { ...obj.metadata };
    metadata.uid = this.random.uid();
    metadata.resourceVersion = opts.dryRun ? undefined : this.store.nextResourceVersion();
    metadata.creationTimestamp = metadata.creationTimestamp ?? now;
    if (strategy.hasGeneration) metadata.generation = 1;
    const stamped = (own ? obj : { ...obj, metadata }) as T;
    if (opts.dryRun) return stamped;
    this.store.put(stamped);
    this.record(actor, 'create', stamped);
    return stamped;
  }

  /** update replaces an object's spec and metadata (not its status); the caller's resourceVersion must be current if set. A dry run validates and returns the result without storing it. */
  update<T extends KubeObject>(input: T, actor: string, opts: { dryRun?: boolean } = {}): T {
    const r = mustResource(input.kind);
    const old = this.get<T>(input.kind, input.metadata.namespace ?? '', input.metadata.name!);
    this.checkConflict(r, input, old);
    const strategy = strategyFor(input.kind);
    const ctx = this.context();
    let obj = copyUnowned(input);
    if (strategy.defaults) obj = strategy.defaults(obj, ctx) as T;
    const errs = [...validateMeta(obj.metadata, strategy.nameCheck ?? dns1123Subdomain), ...(strategy.validate?.(obj, ctx) ?? []), ...(strategy.validateUpdate?.(obj, old, ctx) ?? [])];
    if (errs.length) throw invalid(r.kind, r.group, old.metadata.name!, errs);
    const specChanged = !jsonEqual(specOf(obj), specOf(old));
    const next = {
      ...obj,
      status: (old as { status?: unknown }).status,
      metadata: {
        ...obj.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
        generation: strategy.hasGeneration ? (old.metadata.generation ?? 1) + (specChanged ? 1 : 0) : undefined,
      },
    } as T;
    if (jsonEqual(next, { ...old, metadata: { ...old.metadata, resourceVersion: next.metadata.resourceVersion } })) return old;
    if (opts.dryRun) return next;
    return this.write(next, actor, 'update');
  }

  /** updateStatus replaces only an object's status, as the /status subresource does. */
  updateStatus<T extends KubeObject>(input: T, actor: string): T {
    const r = mustResource(input.kind);
    const old = this.get<T>(input.kind, input.metadata.namespace ?? '', input.metadata.name!);
    this.checkConflict(r, input, old);
    const status = (input as { status?: unknown }).status;
    if (jsonEqual(status, (old as { status?: unknown }).status)) return old;
    // The new status keeps the parts that did not change, so readers and the next write compare them by identity.
    const shared = shareUnchanged(copyUnowned(status), (old as { status?: unknown }).status);
    // Built in one go (the keys keep their places, as `write` would leave them).
    const stored = { ...old, status: shared, metadata: { ...old.metadata, resourceVersion: this.store.nextResourceVersion() } } as T;
    return this.commit(stored, actor, 'status');
  }

  /**
   * delete removes an object, or marks it Terminating: a pod on a node keeps running for its
   * grace period until its kubelet confirms; an object with finalizers waits for them.
   */
  delete<T extends KubeObject>(kind: string, namespace: string, name: string, actor: string, opts: DeleteOptions = {}): T {
    const r = mustResource(kind);
    const obj = this.get<T>(kind, namespace, name);
    const grace = this.gracePeriod(obj, opts);
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (kind === 'Namespace') {
      const terminating = this.deleteNamespace(obj, finalizers, actor);
      if (terminating) return terminating as T;
    }
    if (grace === 0 && finalizers.length === 0) {
      this.record(actor, 'delete', this.store.remove(obj) ?? obj);
      return obj;
    }
    if (obj.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period, as on a real server.
      const current = obj.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= current) return obj;
    }
    const marked = {
      ...obj,
      metadata: {
        ...obj.metadata,
        finalizers: finalizers.length ? finalizers : undefined,
        deletionTimestamp: obj.metadata.deletionTimestamp && grace >= (obj.metadata.deletionGracePeriodSeconds ?? 0)
          ? obj.metadata.deletionTimestamp
          : rfc3339(this.clock.now() + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    } as T;
    void r;
    return this.write(marked, actor, 'update');
  }

  /** bind assigns a pod to a node, as the pods/binding subresource does: nodeName and a PodScheduled=True condition. */
  bind<T extends KubeObject & { spec: { nodeName?: string }; status?: { conditions?: { type: string }[] } }>(pod: T, node: string, actor: string, now: string): T {
    const current = this.get<T>(pod.kind, pod.metadata.namespace ?? '', pod.metadata.name!);
    if (current.spec.nodeName) throw new StatusError('Conflict', 409, `pod ${pod.metadata.name} is already assigned to node "${current.spec.nodeName}"`);
    const conditions = [
      ...(current.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      { lastProbeTime: null, lastTransitionTime: now, status: 'True', type: 'PodScheduled' },
    ];
    // Built in one go, stamped as `write` would (every key keeps its place).
    const metadata = { ...current.metadata, resourceVersion: this.store.nextResourceVersion() };
    return this.commit({ ...current, spec: { ...current.spec, nodeName: node }, status: { ...current.status, conditions }, metadata } as T, actor, 'update');
  }

  /** removeFinalizer drops a finalizer and, if the object is being deleted and none remain, removes it. */
  removeFinalizer(kind: string, namespace: string, name: string, finalizer: string, actor: string): void {
    const obj = this.tryGet(kind, namespace, name);
    if (!obj?.metadata.finalizers?.includes(finalizer)) return;
    const finalizers = obj.metadata.finalizers.filter((f) => f !== finalizer);
    if (obj.metadata.deletionTimestamp && finalizers.length === 0 && !this.stillGraceful(obj) && specFinalizers(obj).length === 0) {
      this.record(actor, 'delete', this.store.remove(obj) ?? obj);
      return;
    }
    this.write({ ...obj, metadata: { ...obj.metadata, finalizers: finalizers.length ? finalizers : undefined } }, actor, 'update');
  }

  /**
   * finalizeNamespace is the namespaces/finalize subresource: it removes a spec finalizer
   * (the namespace controller's `kubernetes`, once the namespace is empty).
   */
  finalizeNamespace(name: string, finalizer: string, actor: string): void {
    const ns = this.tryGet<KubeObject & { spec?: { finalizers?: string[] } }>('Namespace', '', name);
    if (!ns?.spec?.finalizers?.includes(finalizer)) return;
    const finalizers = ns.spec.finalizers.filter((f) => f !== finalizer);
    this.write({ ...ns, spec: { ...ns.spec, finalizers: finalizers.length ? finalizers : undefined } }, actor, 'update');
  }

  /**
   * deleteNamespace is the namespace registry's delete. The first delete only marks the
   * namespace Terminating; the namespace controller empties it and finalizes it, and a delete
   * after that (no spec finalizers left) removes it. It returns the object when it stays.
   */
  private deleteNamespace(obj: KubeObject, finalizers: string[], actor: string): KubeObject | undefined {
    const name = obj.metadata.name!;
    if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
    const pending = specFinalizers(obj);
    if (obj.metadata.deletionTimestamp) {
      if (pending.length > 0) {
        throw new StatusError(
          'Conflict',
          409,
          `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`,
        );
      }
      // Finalized: it goes once no metadata finalizers (a foreground or orphan cascade) remain.
      return (obj.metadata.finalizers?.length ?? 0) > 0 ? obj : undefined;
    }
    if (pending.length === 0 && finalizers.length === 0) return undefined;
    const status = (obj as { status?: Record<string, unknown> }).status;
    const marked = {
      ...obj,
      metadata: { ...obj.metadata, finalizers: finalizers.length ? finalizers : undefined, deletionTimestamp: rfc3339(this.clock.now()), deletionGracePeriodSeconds: 0 },
      status: { ...status, phase: 'Terminating' },
    } as KubeObject;
    return this.write(marked, actor, 'update');
  }

  /**
   * redrawName draws a generated name again when the one drawn is taken, as RetryGenerateName
   * (GA in 1.32) has the server do: up to 8 attempts in all, then the conflict is returned.
   */
  private redrawName(r: ResourceInfo, namespace: string, generateName: string): string {
    let name = '';
    for (let attempt = 2; attempt <= GENERATE_NAME_ATTEMPTS; attempt++) {
      name = `${generateName.slice(0, 58)}${this.random.string(5)}`;
      if (!this.store.get(r.kind, namespace, name)) return name;
    }
    throw alreadyExists(r, name);
  }

  private stillGraceful(obj: KubeObject): boolean {
    return obj.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
  }

  private gracePeriod(obj: KubeObject, opts: DeleteOptions): number {
    if (obj.kind !== 'Pod') return 0;
    const pod = obj as KubeObject & { spec: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };
    // An unscheduled or finished pod has nothing to stop, so it goes at once.
    if (!pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  }

  private write<T extends KubeObject>(obj: T, actor: string, verb: AuditEntry['verb']): T {
    return this.commit({ ...obj, metadata: { ...obj.metadata, resourceVersion: this.store.nextResourceVersion() } } as T, actor, verb);
  }

  /** commit stores an object already stamped with its new resourceVersion and audits the write. */
  private commit<T extends KubeObject>(stored: T, actor: string, verb: AuditEntry['verb']): T {
    this.store.put(stored);
    this.record(actor, verb, stored);
    return stored;
  }

  private record(actor: string, verb: AuditEntry['verb'], obj: KubeObject): void {
    this.audit.push({
      time: this.clock.now(),
      resourceVersion: obj.metadata.resourceVersion ?? '',
      actor,
      verb,
      kind: obj.kind,
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name ?? '',
    });
    // Trim in batches so that keeping the log bounded costs O(1) per write.
    if (this.audit.length >= AUDIT_LIMIT * 2) this.audit.splice(0, this.audit.length - AUDIT_LIMIT);
  }

  private checkNamespace(r: ResourceInfo, namespace: string, name: string): void {
    const ns = this.store.get('Namespace', '', namespace) as (KubeObject & { status?: { phase?: string } }) | undefined;
    if (!ns) throw notFound(resourceForKind('Namespace')!, namespace);
    if (ns.status?.phase === 'Terminating') {
      throw forbidden(`${r.group ? `${r.plural}.${r.group}` : r.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private checkConflict(r: ResourceInfo, input: KubeObject, old: KubeObject): void {
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      const q = r.group ? `${r.plural}.${r.group}` : r.plural;
      throw new StatusError('Conflict', 409, `Operation cannot be fulfilled on ${q} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
  }

  private context(): StrategyContext {
    return { store: this.store, random: this.random, now: this.clock.now() };
  }
}

/** IMMORTAL_NAMESPACES may not be deleted (the NamespaceLifecycle admission plugin's list). */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

function specFinalizers(obj: KubeObject): string[] {
  return obj.kind === 'Namespace' ? ((obj as { spec?: { finalizers?: string[] } }).spec?.finalizers ?? []) : [];
}

function specOf(obj: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = obj as KubeObject & { status?: unknown };
  return rest;
}

function mustResource(kind: string): ResourceInfo {
  const r = resourceForKind(kind) ?? lookupResource(kind);
  if (!r) throw new StatusError('BadRequest', 400, `no kind "${kind}" is registered`);
  return r;
}
