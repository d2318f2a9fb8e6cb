import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { activePods, changeDeployment, deployment, eventMessages, makeDeployment, readyPods, replicaSets, scale, setImage, settle } from '../testing.ts';

const progressing = (c: Cluster) => deployment(c, 'web').status?.conditions?.find((x) => x.type === 'Progressing');

describe('Deployment controller: Recreate', () => {
  it('scales the old ReplicaSet to zero and waits for its pods to be gone before starting new ones', () => {
    const c = defaultCluster({ seed: 1 });
    c.api.create(makeDeployment('web', { replicas: 3, strategy: { type: 'Recreate' } }), 'kubectl');
    settle(c);
    const old = replicaSets(c)[0]!;
    expect(old.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('3');
    const overlaps: string[] = [];
    c.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      if (e.type !== 'ADDED') return;
      const oldPods = c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.uid === old.metadata.uid);
      if (oldPods.length) overlaps.push(`${pod.metadata.name} created while ${oldPods.length} old pods exist`);
    });
    setImage(c, 'web', 'nginx:1.26');
    c.drain();
    expect(replicaSets(c)).toHaveLength(1);
    settle(c);
    const next = replicaSets(c)[1]!.metadata.name!;
    expect(eventMessages(c, 'Deployment', 'web', 'ScalingReplicaSet').slice(1)).toEqual([
      `Scaled down replica set ${old.metadata.name} from 3 to 0`,
      `Scaled up replica set ${next} from 0 to 3`,
    ]);
    expect(overlaps).toEqual([]);
    expect(readyPods(c, 'default', 'web')).toBe(3);
    expect(progressing(c)?.reason).toBe('NewReplicaSetAvailable');
  });
});

describe('Deployment controller: pause and resume', () => {
  it('rolls nothing out while paused, still scales, and rolls out on resume', () => {
    const c = defaultCluster({ seed: 2 });
    c.api.create(makeDeployment('web', { replicas: 2 }), 'kubectl');
    settle(c);
    changeDeployment(c, 'web', (d) => {
      d.spec.paused = true;
    });
    c.drain();
    expect(progressing(c)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    setImage(c, 'web', 'nginx:1.26');
    scale(c, 'web', 3);
    settle(c);
    expect(replicaSets(c).map((rs) => rs.spec.replicas)).toEqual([3]);
    expect(readyPods(c, 'default', 'web')).toBe(3);
    const paused = deployment(c, 'web');
    expect(paused.status?.updatedReplicas).toBeUndefined();
    expect(paused.status?.observedGeneration).toBe(paused.metadata.generation);
    changeDeployment(c, 'web', (d) => {
      delete d.spec.paused;
    });
    c.drain();
    expect(deployment(c, 'web').status?.conditions?.find((x) => x.type === 'Progressing')?.reason).not.toBe('DeploymentPaused');
    settle(c);
    const rss = replicaSets(c);
    expect(rss.map((rs) => rs.spec.replicas)).toEqual([0, 3]);
    expect(rss[1]!.spec.template.spec.containers[0]!.image).toBe('nginx:1.26');
    expect(progressing(c)?.reason).toBe('NewReplicaSetAvailable');
  });

  it('says DeploymentResumed until progress is seen again', () => {
    const c = defaultCluster({ seed: 3 });
    c.api.create(makeDeployment('web', { replicas: 1 }), 'kubectl');
    settle(c);
    changeDeployment(c, 'web', (d) => {
      d.spec.paused = true;
    });
    setImage(c, 'web', 'nginx:doesnotexist');
    settle(c);
    changeDeployment(c, 'web', (d) => {
      delete d.spec.paused;
    });
    const seen: string[] = [];
    c.store.watch('Deployment', () => {
      const p = progressing(c);
      if (p && seen.at(-1) !== p.reason) seen.push(p.reason);
    });
    settle(c, 700_000);
    expect(seen.slice(0, 3)).toEqual(['DeploymentResumed', 'NewReplicaSetCreated', 'ReplicaSetUpdated']);
    expect(progressing(c)?.reason).toBe('ProgressDeadlineExceeded');
  });
});

describe('Deployment controller: proportional scaling', () => {
  it('spreads a replicas change over the active ReplicaSets of a stalled rollout', () => {
    const c = defaultCluster({ seed: 4 });
    c.api.create(makeDeployment('web', { replicas: 10 }), 'kubectl');
    settle(c);
    setImage(c, 'web', 'nginx:doesnotexist');
    c.advance(30_000);
    const [old, next] = replicaSets(c);
    expect([old!.spec.replicas, next!.spec.replicas]).toEqual([8, 5]);
    scale(c, 'web', 20);
    c.drain();
    const [o2, n2] = replicaSets(c);
    expect([o2!.spec.replicas, n2!.spec.replicas]).toEqual([15, 10]);
    for (const rs of [o2!, n2!]) {
      expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '20', 'deployment.kubernetes.io/max-replicas': '25' });
    }
    expect(eventMessages(c, 'Deployment', 'web', 'ScalingReplicaSet').slice(-2)).toEqual([
      `Scaled up replica set ${old!.metadata.name} from 8 to 15`,
      `Scaled up replica set ${next!.metadata.name} from 5 to 10`,
    ]);
    scale(c, 'web', 4);
    c.drain();
    const sizes = replicaSets(c).map((rs) => rs.spec.replicas!);
    // 4 + maxSurge 1 = 5 in all, shared out as 25 was.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(sizes).toEqual([3, 2]);
    settle(c);
    expect(readyPods(c, 'default', 'web')).toBeGreaterThanOrEqual(3);
  });
});

describe('Deployment controller: proportional leftovers', () => {
  it('give what rounding leaves over to the newest ReplicaSet', () => {
    const c = defaultCluster({ seed: 8 });
    const tags = ['1.24', '1.25', '1.26'];
    tags.forEach((tag, i) => {
      const template = makeDeployment('web', { image: `nginx:${tag}` }).spec.template;
      template.metadata!.labels = { app: 'web', 'pod-template-hash': `h${i}` };
      c.api.create<ReplicaSet>(
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: `web-h${i}`,
            labels: template.metadata!.labels,
            annotations: { 'deployment.kubernetes.io/revision': String(i + 1), 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' },
          },
          spec: { replicas: i === 0 ? 5 : 4, selector: { matchLabels: template.metadata!.labels }, template },
        },
        'kubectl',
      );
      c.advance(1_000);
    });
    const d = makeDeployment('web', { replicas: 11, image: 'nginx:1.27' });
    d.spec.paused = true;
    c.api.create(d, 'kubectl');
    c.drain();
    // 14 allowed, 13 running: every share rounds to 0, so the one left goes to web-h2.
    expect(replicaSets(c).map((rs) => [rs.metadata.name, rs.spec.replicas])).toEqual([
      ['web-h0', 5],
      ['web-h1', 4],
      ['web-h2', 5],
    ]);
  });
});

describe('Deployment controller: adoption', () => {
  it('adopts an orphaned ReplicaSet whose template matches, reusing it', () => {
    const c = defaultCluster({ seed: 5 });
    c.api.create(makeDeployment('web', { replicas: 2 }), 'kubectl');
    settle(c);
    const rs = replicaSets(c)[0]!;
    // What the garbage collector leaves after `kubectl delete deploy web --cascade=orphan`.
    c.api.delete('Deployment', 'default', 'web', 'kubectl');
    const orphan = c.api.get<ReplicaSet>('ReplicaSet', 'default', rs.metadata.name!);
    const { ownerReferences: _refs, ...meta } = orphan.metadata;
    c.api.update({ ...orphan, metadata: meta }, 'generic-garbage-collector');
    settle(c);
    const pods = activePods(c, 'default', 'web').map((p) => p.metadata.name).sort();
    c.api.create(makeDeployment('web', { replicas: 2 }), 'kubectl');
    settle(c);
    const rss = replicaSets(c);
    expect(rss).toHaveLength(1);
    expect(rss[0]!.metadata.uid).toBe(rs.metadata.uid);
    expect(rss[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', uid: deployment(c, 'web').metadata.uid, controller: true });
    expect(activePods(c, 'default', 'web').map((p) => p.metadata.name).sort()).toEqual(pods);
    expect(progressing(c)?.reason).toBe('NewReplicaSetAvailable');
  });
});

describe('Deployment controller: determinism', () => {
  const script = (c: Cluster, step: number) => {
    if (step === 0) c.api.create(makeDeployment('web', { replicas: 4 }), 'kubectl');
    if (step === 1) setImage(c, 'web', 'nginx:1.26');
    if (step === 2) scale(c, 'web', 7);
    if (step === 3) setImage(c, 'web', 'nginx:doesnotexist');
    if (step === 4) setImage(c, 'web', 'nginx:1.25');
  };
  const gaps = [5_000, 700, 1_300, 2_000, 0];
  const run = (c: Cluster, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      script(c, i);
      c.advance(gaps[i]!);
    }
  };

  it('gives the same bytes for the same seed', () => {
    const a = defaultCluster({ seed: 6 });
    const b = defaultCluster({ seed: 6 });
    run(a, 0, 5);
    run(b, 0, 5);
    a.advance(120_000);
    b.advance(120_000);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it('continues identically after snapshot/restore in the middle of rollouts', () => {
    const straight = defaultCluster({ seed: 7 });
    run(straight, 0, 5);
    straight.advance(120_000);
    for (let cut = 1; cut <= 5; cut++) {
      const first = defaultCluster({ seed: 7 });
      run(first, 0, cut);
      const resumed = Cluster.restore(JSON.parse(JSON.stringify(first.snapshot())));
      run(resumed, cut, 5);
      resumed.advance(120_000);
      expect(JSON.stringify(resumed.snapshot()), `cut after step ${cut}`).toBe(JSON.stringify(straight.snapshot()));
    }
    expect(readyPods(straight, 'default', 'web')).toBe(7);
  });
});
