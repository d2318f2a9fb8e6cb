import { Session, type AuditEntry, type Event, type KubeObject } from '@wheelhouse/sim-engine';
import { describe, expect, it } from 'vitest';
import { describeAudit, filterByName, groupByInstant, isComponent, sentence, Timeline, type TimelineEntry } from './timeline.ts';

const quiet = { stdout: () => {}, stderr: () => {} };
const T0 = Date.UTC(2026, 0, 12, 9);

async function scenario() {
  const session = new Session({ startTime: T0 });
  const timeline = new Timeline();
  timeline.startAt(session.cluster.api.audit);
  for (const kind of ['Pod', 'Event']) session.cluster.store.watch(kind, (e) => timeline.observe(e));
  const lookup = (kind: string, ns: string, name: string) => session.cluster.api.tryGet<KubeObject>(kind, ns, name);
  const ingest = () => timeline.ingest(session.cluster.api.audit, lookup);
  return { session, timeline, ingest };
}

describe('Timeline from a real cluster', () => {
  it('tells the story of a pod in control-plane terms, newest last', async () => {
    const { session, timeline, ingest } = await scenario();
    expect(ingest()).toBe(false);
    await session.run('kubectl run web --image=nginx', quiet);
    ingest();
    session.cluster.advance(5000);
    ingest();
    const lines = timeline.entries.map(sentence);
    expect(lines[0]).toBe('kubectl created pod/web');
    expect(lines[1]).toMatch(/^default-scheduler, pod\/web: Successfully assigned default\/web to node-\d$/);
    expect(lines.some((l) => /^kubelet\/node-\d, pod\/web: Pulling image "nginx"$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^kubelet\/node-\d, pod\/web: Started container web$/);
    // No bookkeeping: status updates, the binding and the Event objects themselves are folded away.
    expect(lines.some((l) => /status|Event/.test(l))).toBe(false);
  });

  it('says who asked for a deletion and who finished it', async () => {
    const { session, timeline, ingest } = await scenario();
    await session.run('kubectl run web --image=nginx', quiet);
    session.cluster.advance(5000);
    ingest();
    session.cluster.api.delete('Pod', 'default', 'web', 'chaos-monkey');
    ingest();
    session.cluster.advance(5000);
    ingest();
    const tail = timeline.entries.slice(-3).map((e) => sentence(e).replace(/node-\d/, 'node-N'));
    expect(tail).toEqual(['chaos-monkey asked to delete pod/web (grace period 30s)', 'kubelet/node-N, pod/web: Stopping container web', 'kubelet/node-N removed pod/web']);
    expect(timeline.entries.at(-3)?.warning).toBe(true);
  });

  it('reads each write as it was, even when the object changed again in the same instant', async () => {
    const { session, timeline, ingest } = await scenario();
    await session.run('kubectl run web --image=nginx', quiet);
    ingest();
    // Deleted while still starting: marked and removed within one drain, before the panel looks.
    session.cluster.api.delete('Pod', 'default', 'web', 'chaos-monkey');
    session.cluster.drain();
    session.cluster.advance(1000);
    ingest();
    const lines = timeline.entries.map(sentence);
    expect(lines).toContain('chaos-monkey asked to delete pod/web (grace period 30s)');
    expect(lines.at(-1)).toMatch(/^kubelet\/node-\d removed pod\/web$/);
  });

  it('seeds from existing Events after a restore', async () => {
    const { session } = await scenario();
    await session.run('kubectl run web --image=nginx', quiet);
    session.cluster.advance(5000);
    const restored = Session.restore(session.snapshot());
    const timeline = new Timeline();
    timeline.seed(restored.cluster.api.list<Event>('Event'));
    timeline.startAt(restored.cluster.api.audit);
    expect(timeline.entries.map((e) => e.action)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });
});

describe('Timeline bookkeeping', () => {
  const audit = (rv: number, over: Partial<AuditEntry> = {}): AuditEntry => ({ time: T0 + rv, resourceVersion: String(rv), actor: 'kubectl', verb: 'create', kind: 'Pod', namespace: 'default', name: `p${rv}`, ...over });
  const none = () => undefined;

  it('keeps only the newest entries', () => {
    const t = new Timeline(3);
    t.ingest([1, 2, 3, 4, 5].map((n) => audit(n)), none);
    expect(t.entries.map((e) => e.name)).toEqual(['p3', 'p4', 'p5']);
  });

  it('reads only entries it has not seen, even when the log was trimmed at the front', () => {
    const t = new Timeline();
    const log = [audit(1), audit(2)];
    t.ingest(log, none);
    log.shift();
    log.push(audit(3));
    expect(t.ingest(log, none)).toBe(true);
    expect(t.entries.map((e) => e.name)).toEqual(['p1', 'p2', 'p3']);
    t.clear();
    expect(t.entries).toEqual([]);
  });

  it('skips component updates and status writes but keeps a person’s update', () => {
    expect(describeAudit(audit(1, { verb: 'update', actor: 'default-scheduler' }), none)).toBeUndefined();
    expect(describeAudit(audit(1, { verb: 'status', actor: 'kubelet/node-1' }), none)).toBeUndefined();
    expect(describeAudit(audit(1, { verb: 'update', actor: 'deployment-controller' }), none)).toBeUndefined();
    expect(sentence(describeAudit(audit(1, { verb: 'update', kind: 'Deployment', name: 'web' }), none)!)).toBe('kubectl updated deployment/web');
  });

  it('takes notes of things that are not API writes', () => {
    const t = new Timeline(2);
    t.ingest([audit(1)], none);
    t.note({ time: T0 + 5, actor: 'chaos-monkey', action: 'stopped', object: 'node/node-2', name: 'node-2', namespace: '', warning: true });
    expect(t.entries.map(sentence)).toEqual(['kubectl created pod/p1', 'chaos-monkey stopped node/node-2']);
    t.ingest([audit(1), audit(2)], none);
    expect(t.entries.map((e) => e.name)).toEqual(['node-2', 'p2']);
  });

  it('tells components from people', () => {
    expect(['kubelet/node-1', 'default-scheduler', 'kube-apiserver', 'kubeadm', 'replicaset-controller', 'daemonset-controller'].every(isComponent)).toBe(true);
    expect(['kubectl', 'chaos-monkey', 'editor'].some(isComponent)).toBe(false);
  });
});

describe('grouping and filtering', () => {
  const e = (time: number, name: string): TimelineEntry => ({ id: `${time}${name}`, time, actor: 'kubectl', action: 'created', object: `pod/${name}`, name, namespace: 'default', warning: false });

  it('groups consecutive entries of one second', () => {
    const groups = groupByInstant([e(1000, 'a'), e(1400, 'b'), e(2000, 'c'), e(1000, 'd')]);
    expect(groups.map((g) => [g.time, g.entries.map((x) => x.name)])).toEqual([[1000, ['a', 'b']], [2000, ['c']], [1000, ['d']]]);
  });

  it('filters by object name, case-insensitively, or by kind/name', () => {
    const list = [e(1, 'web'), e(2, 'Web-2'), e(3, 'db')];
    expect(filterByName(list, 'WEB').map((x) => x.name)).toEqual(['web', 'Web-2']);
    expect(filterByName(list, 'pod/d').map((x) => x.name)).toEqual(['db']);
    expect(filterByName(list, '  ')).toHaveLength(3);
  });
});
