import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { Event } from '../../api/event.ts';
import type { Pod } from '../../api/pod.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { parseTime } from '../../util/time.ts';
import { isPodReady } from '../controller-utils.ts';
import { activePods, changeDeployment, deployment, eventMessages, makeDeployment, readyPods, replicaSets, setImage, settle } from '../testing.ts';

/** watchRollout checks on every pod write that the rollout stays within its fences. */
function watchRollout(c: Cluster, app: string, maxPods: number, minAvailable: number): string[] {
  const problems: string[] = [];
  c.store.watch('Pod', () => {
    const active = activePods(c, 'default', app);
    const available = active.filter(isPodReady).length;
    if (active.length > maxPods) problems.push(`${active.length} pods at ${c.now()}`);
    if (available < minAvailable) problems.push(`${available} available at ${c.now()}`);
  });
  return problems;
}

function newest(c: Cluster): ReplicaSet {
  return replicaSets(c).at(-1)!;
}

describe('Deployment controller: creation', () => {
  it('creates <deploy>-<hash> with the reference annotations, labels and selector', () => {
    const c = defaultCluster({ seed: 1 });
    c.api.create(makeDeployment('web', { replicas: 3 }), 'kubectl');
    settle(c);
    const d = deployment(c, 'web');
    const [rs] = replicaSets(c);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.replicas).toBe(3);
    expect(Object.keys(rs!.spec).sort()).toEqual(['replicas', 'selector', 'template']);
    expect(rs!.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    for (const p of activePods(c, 'default', 'web')) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(eventMessages(c, 'Deployment', 'web', 'ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
  });

  it('reports the status and conditions of reference 7.3: Available, then Progressing', () => {
    const c = defaultCluster({ seed: 1 });
    const seen: string[] = [];
    c.store.watch('Deployment', (e) => {
      const line = ((e.object as Deployment).status?.conditions ?? []).map((x) => `${x.type}=${x.status}/${x.reason}`).join(' ');
      if (line && seen.at(-1) !== line) seen.push(line);
    });
    c.api.create(makeDeployment('web', { replicas: 3 }), 'kubectl');
    c.drain();
    expect(deployment(c, 'web').status?.unavailableReplicas).toBe(3);
    settle(c);
    // A changed condition moves to the end of the list.
    expect(seen).toEqual([
      'Progressing=True/NewReplicaSetCreated',
      'Progressing=True/NewReplicaSetCreated Available=False/MinimumReplicasUnavailable',
      'Available=False/MinimumReplicasUnavailable Progressing=True/ReplicaSetUpdated',
      'Available=True/MinimumReplicasAvailable Progressing=True/NewReplicaSetAvailable',
    ]);
    const d = deployment(c, 'web');
    const rsName = replicaSets(c)[0]!.metadata.name;
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.metadata.generation).toBe(1);
    const [available, progressing] = d.status!.conditions!;
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(available).toMatchObject({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(progressing).toMatchObject({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
    expect(progressing!.lastTransitionTime).toBe('2026-01-12T09:00:00Z');
    expect(progressing!.lastUpdateTime).toBe(available!.lastTransitionTime);
    expect(parseTime(available!.lastTransitionTime)!).toBeGreaterThan(parseTime('2026-01-12T09:00:00Z')!);
  });
});

describe('Deployment controller: rolling update', () => {
  it('rolls 3 replicas exactly as the reference describe example, within the fences', () => {
    const c = defaultCluster({ seed: 1 });
    c.api.create(makeDeployment('web', { replicas: 3 }), 'kubectl');
    settle(c);
    const old = replicaSets(c)[0]!.metadata.name!;
    const problems = watchRollout(c, 'web', 4, 3);
    setImage(c, 'web', 'nginx:1.26');
    settle(c);
    const next = newest(c).metadata.name!;
    expect(next).not.toBe(old);
    expect(eventMessages(c, 'Deployment', 'web', 'ScalingReplicaSet').slice(1)).toEqual([
      `Scaled up replica set ${next} from 0 to 1`,
      `Scaled down replica set ${old} from 3 to 2`,
      `Scaled up replica set ${next} from 1 to 2`,
      `Scaled down replica set ${old} from 2 to 1`,
      `Scaled up replica set ${next} from 2 to 3`,
      `Scaled down replica set ${old} from 1 to 0`,
    ]);
    expect(problems).toEqual([]);
    const d = deployment(c, 'web');
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(d.status?.conditions?.at(-1)).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${next}" has successfully progressed.` });
    const oldRS = c.api.get<ReplicaSet>('ReplicaSet', 'default', old);
    expect(oldRS.spec.replicas).toBe(0);
    expect(oldRS.status).toEqual({ replicas: 0, observedGeneration: 4 });
    expect(activePods(c, 'default', 'web').every((p) => p.metadata.name!.startsWith(`${next}-`))).toBe(true);
  });

  it('keeps old pods serving when the new image is broken, and times out after 600 s', () => {
    const c = defaultCluster({ seed: 2 });
    c.api.create(makeDeployment('web', { replicas: 3 }), 'kubectl');
    settle(c);
    const problems = watchRollout(c, 'web', 4, 3);
    setImage(c, 'web', 'nginx:doesnotexist');
    c.advance(30_000);
    const next = newest(c).metadata.name!;
    expect(replicaSets(c).map((rs) => rs.spec.replicas)).toEqual([3, 1]);
    expect(readyPods(c, 'default', 'web')).toBe(3);
    const progressing = () => deployment(c, 'web').status!.conditions!.find((x) => x.type === 'Progressing')!;
    expect(progressing()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${next}" is progressing.` });
    const lastUpdate = parseTime(progressing().lastUpdateTime)!;
    c.advanceTo(lastUpdate + 600_000);
    expect(progressing().status).toBe('True');
    c.advanceTo(lastUpdate + 601_000);
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${next}" has timed out progressing.` });
    const d = deployment(c, 'web');
    expect(d.status?.conditions?.find((x) => x.type === 'Available')?.status).toBe('True');
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1 });
    expect(problems).toEqual([]);
    // The rollout is not stopped: fixing the image finishes it.
    setImage(c, 'web', 'nginx:1.26');
    settle(c, 120_000);
    expect(deployment(c, 'web').status?.conditions?.at(-1)?.reason).toBe('NewReplicaSetAvailable');
    expect(readyPods(c, 'default', 'web')).toBe(3);
  });

  it('waits minReadySeconds before counting new pods available', () => {
    const c = defaultCluster({ seed: 3 });
    c.api.create(makeDeployment('web', { replicas: 2, minReadySeconds: 10 }), 'kubectl');
    settle(c);
    expect(replicaSets(c)[0]!.spec.minReadySeconds).toBe(10);
    setImage(c, 'web', 'nginx:1.26');
    c.advance(9_000);
    expect(replicaSets(c)[0]!.spec.replicas).toBe(2);
    settle(c);
    expect(replicaSets(c).map((rs) => rs.spec.replicas)).toEqual([0, 2]);
    expect(deployment(c, 'web').status?.availableReplicas).toBe(2);
  });
});

describe('Deployment controller: revisions', () => {
  it('renumbers an old ReplicaSet that becomes new again and keeps its history', () => {
    const c = defaultCluster({ seed: 4 });
    c.api.create(makeDeployment('web', { replicas: 2 }), 'kubectl');
    settle(c);
    const first = replicaSets(c)[0]!.metadata.name!;
    setImage(c, 'web', 'nginx:1.26');
    settle(c);
    setImage(c, 'web', 'nginx:1.25');
    settle(c);
    const rss = replicaSets(c);
    expect(rss).toHaveLength(2);
    const back = c.api.get<ReplicaSet>('ReplicaSet', 'default', first);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(back.spec.replicas).toBe(2);
    expect(deployment(c, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(eventMessages(c, 'Deployment', 'web', 'ScalingReplicaSet').at(-2)).toBe(`Scaled up replica set ${first} from 1 to 2`);
  });

  it('propagates change-cause to the current ReplicaSet only, and restarts on restartedAt', () => {
    const c = defaultCluster({ seed: 5 });
    c.api.create(makeDeployment('web', { replicas: 1 }), 'kubectl');
    settle(c);
    changeDeployment(c, 'web', (d) => {
      d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'first release' };
    });
    settle(c);
    expect(replicaSets(c)[0]!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first release');
    changeDeployment(c, 'web', (d) => {
      d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'restart' };
      d.spec.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-12T09:05:00Z' };
    });
    settle(c);
    const [oldRS, newRS] = replicaSets(c);
    expect(oldRS!.metadata.annotations?.['kubernetes.io/change-cause']).toBe('first release');
    expect(newRS!.metadata.annotations).toMatchObject({ 'kubernetes.io/change-cause': 'restart', 'deployment.kubernetes.io/revision': '2' });
    expect(activePods(c, 'default', 'web').map((p) => p.metadata.annotations)).toEqual([{ 'kubectl.kubernetes.io/restartedAt': '2026-01-12T09:05:00Z' }]);
  });

  it('deletes empty old ReplicaSets beyond revisionHistoryLimit, lowest revision first', () => {
    const c = defaultCluster({ seed: 6 });
    c.api.create(makeDeployment('web', { replicas: 1, revisionHistoryLimit: 2 }), 'kubectl');
    settle(c);
    for (const tag of ['1.26', '1.27', 'alpine', 'latest']) {
      setImage(c, 'web', `nginx:${tag}`);
      settle(c);
    }
    const rss = replicaSets(c);
    expect(rss.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])).toEqual(['3', '4', '5']);
    expect(rss.map((rs) => rs.spec.replicas)).toEqual([0, 0, 1]);
    changeDeployment(c, 'web', (d) => {
      d.spec.revisionHistoryLimit = 0;
    });
    settle(c);
    expect(replicaSets(c)).toHaveLength(1);
  });
});

describe('Deployment controller: ownership', () => {
  it('recreates a deleted ReplicaSet under the same name', () => {
    const c = defaultCluster({ seed: 7 });
    c.api.create(makeDeployment('web', { replicas: 2 }), 'kubectl');
    settle(c);
    const before = replicaSets(c)[0]!;
    c.api.delete('ReplicaSet', 'default', before.metadata.name!, 'kubectl');
    settle(c);
    const after = replicaSets(c);
    expect(after).toHaveLength(1);
    expect(after[0]!.metadata.name).toBe(before.metadata.name);
    expect(after[0]!.metadata.uid).not.toBe(before.metadata.uid);
    const owned = activePods(c, 'default', 'web').filter((p: Pod) => p.metadata.ownerReferences?.[0]?.uid === after[0]!.metadata.uid);
    expect(owned).toHaveLength(2);
    // The same message twice is one Event counted twice.
    const scaling = c.api.list<Event>('Event', 'default').filter((e) => e.reason === 'ScalingReplicaSet');
    expect(scaling.map((e) => [e.message, e.count])).toEqual([[`Scaled up replica set ${before.metadata.name} from 0 to 2`, 2]]);
  });
});
