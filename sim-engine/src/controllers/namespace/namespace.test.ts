import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/apps.ts';
import type { Namespace } from '../../api/namespace.ts';
import type { Pod } from '../../api/pod.ts';
import { StatusError } from '../../apiserver/errors.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { makePod, makeService } from '../endpoints/testing.ts';
import type { NamespaceCondition } from './namespace.ts';

type TerminatingNamespace = Namespace & { status?: { phase?: string; conditions?: NamespaceCondition[] } };

function ns(c: Cluster, name: string): TerminatingNamespace | undefined {
  return c.api.tryGet<TerminatingNamespace>('Namespace', '', name);
}

function caught(f: () => unknown): StatusError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected an API error');
}

function populated(seed: number): Cluster {
  const c = defaultCluster({ seed });
  c.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, 'test');
  makeService(c, 'web', { app: 'web' }, [{ port: 80 }], {}, 'dev');
  makePod(c, 'web', { app: 'web' }, {}, {}, 'dev');
  makePod(c, 'sleeper', { app: 'sleeper' }, { image: 'busybox:1.36', command: ['sleep', '3600'] }, {}, 'dev');
  c.advance(20_000);
  return c;
}

describe('namespace controller', () => {
  it('marks a deleted namespace Terminating, empties it, then lets it go', () => {
    const c = populated(1);
    expect(c.api.list('Endpoints', 'dev')).toHaveLength(1);
    c.api.delete('Namespace', '', 'dev', 'kubectl');
    const marked = ns(c, 'dev')!;
    expect(marked.status?.phase).toBe('Terminating');
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.spec?.finalizers).toEqual(['kubernetes']);
    c.drain();
    // Everything is deleted; the pods take their grace period.
    expect(c.api.list('Service', 'dev')).toEqual([]);
    expect(c.api.list('Endpoints', 'dev')).toEqual([]);
    expect(c.api.list<Pod>('Pod', 'dev').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    const remaining = ns(c, 'dev')!.status!.conditions!.find((x) => x.type === 'NamespaceContentRemaining')!;
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain' });
    expect(remaining.message).toMatch(/^Some resources are remaining: (endpointslices\.discovery\.k8s\.io has \d resource instances, )?pods\. has \d resource instances$/);
    expect(ns(c, 'dev')!.status!.conditions!.map((x) => x.type)).toEqual([
      'NamespaceDeletionDiscoveryFailure',
      'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure',
      'NamespaceContentRemaining',
      'NamespaceFinalizersRemaining',
    ]);
    // The busybox sleeper ignores SIGTERM and holds the namespace for its 30 s grace period.
    c.advance(10_000);
    expect(ns(c, 'dev')?.status?.phase).toBe('Terminating');
    expect(c.api.list<Pod>('Pod', 'dev').map((p) => p.metadata.name)).toEqual(['sleeper']);
    c.advance(25_000);
    expect(ns(c, 'dev')).toBeUndefined();
    expect(c.api.list('Event', 'dev')).toEqual([]);
  });

  it('refuses new content while terminating, and a second delete with the real server’s message', () => {
    const c = populated(2);
    c.api.delete('Namespace', '', 'dev', 'kubectl');
    c.drain();
    const create = caught(() => makePod(c, 'late', {}, {}, {}, 'dev'));
    expect(create.message).toBe('pods "late" is forbidden: unable to create new content in namespace dev because it is being terminated');
    const again = caught(() => c.api.delete('Namespace', '', 'dev', 'kubectl'));
    expect(again.reason).toBe('Conflict');
    expect(again.message).toBe(
      'Operation cannot be fulfilled on namespaces "dev": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    );
  });

  it('removes an empty namespace at once', () => {
    const c = defaultCluster({ seed: 3 });
    c.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'empty' } }, 'test');
    c.api.delete('Namespace', '', 'empty', 'kubectl');
    c.drain();
    expect(ns(c, 'empty')).toBeUndefined();
    const last = c.api.audit.filter((a) => a.kind === 'Namespace' && a.name === 'empty').map((a) => `${a.actor} ${a.verb}`);
    expect(last).toEqual(['test create', 'kubectl update', 'namespace-controller status', 'namespace-controller update', 'namespace-controller delete']);
  });

  it('may not delete default, kube-system or kube-public', () => {
    const c = defaultCluster({ seed: 4 });
    for (const name of ['default', 'kube-system', 'kube-public']) {
      expect(caught(() => c.api.delete('Namespace', '', name, 'kubectl')).message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
  });

  it('waits for a foreground cascade inside before the namespace goes', () => {
    const c = populated(5);
    c.api.delete('Namespace', '', 'dev', 'kubectl', { propagationPolicy: 'Foreground' });
    expect(ns(c, 'dev')!.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.advance(40_000);
    expect(ns(c, 'dev')).toBeUndefined();
  });

  it.skipIf(!defaultCluster({ seed: 1 }).controllers.some((x) => x.name === 'deployment-controller'))('takes a Deployment and everything it made with it', () => {
    const c = defaultCluster({ seed: 6 });
    c.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, 'test');
    const labels = { app: 'web' };
    c.api.create<Deployment>(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'dev' }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } },
      'test',
    );
    makeService(c, 'web', labels, [{ port: 80 }], {}, 'dev');
    c.advance(20_000);
    expect(c.api.list<Pod>('Pod', 'dev')).toHaveLength(3);
    c.api.delete('Namespace', '', 'dev', 'kubectl');
    c.advance(10_000);
    expect(ns(c, 'dev')).toBeUndefined();
    for (const kind of ['Pod', 'ReplicaSet', 'Deployment', 'Service', 'Endpoints', 'EndpointSlice', 'Event']) expect(c.api.list(kind, 'dev'), kind).toEqual([]);
  });
});
