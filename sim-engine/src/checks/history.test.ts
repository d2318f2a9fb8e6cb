import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/apps.ts';
import { Cluster } from '../cluster.ts';
import { evaluateCheck, evaluateChecks } from './evaluate.ts';
import { CheckHistory } from './history.ts';
import { bareCluster, check, checks, deployment, pod, replicaSet, tick } from './testing.ts';

/** setStatus writes a Deployment's status as the deployment controller would. */
function setStatus(c: Cluster, name: string, s: { current?: number; updated: number; available: number }): void {
  const d = c.api.get<Deployment>('Deployment', 'default', name);
  const replicas = d.spec.replicas ?? 1;
  c.api.updateStatus<Deployment>(
    {
      ...d,
      status: {
        observedGeneration: d.metadata.generation,
        replicas: s.current ?? replicas,
        updatedReplicas: s.updated,
        readyReplicas: s.available,
        availableReplicas: s.available,
        unavailableReplicas: Math.max(0, replicas - s.available),
      },
    },
    'deployment-controller',
  );
}

function setImage(c: Cluster, name: string, image: string): Deployment {
  const d = c.api.get<Deployment>('Deployment', 'default', name);
  const template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ ...d.spec.template.spec.containers[0]!, image }] } };
  return c.api.update<Deployment>({ ...d, spec: { ...d.spec, template } }, 'kubectl');
}

describe('createdBy', () => {
  it('tells kubectl from a controller, including objects made before recording began', () => {
    const c = bareCluster();
    c.api.create(pod('early'), 'scenario');
    const h = new CheckHistory(c);
    c.api.create(pod('web'), 'kubectl');
    c.api.create(pod('web-abc-1', { app: 'web' }), 'replicaset-controller');
    const by = (name: string, who: string) => evaluateCheck(c, check({ type: 'createdBy', kind: 'Pod', name, by: who }), h);
    expect(by('web', 'kubectl')).toEqual({ passed: true, message: 'pod web was created by kubectl' });
    expect(by('web', 'controller')).toEqual({ passed: false, message: 'pod web was created by kubectl, not by a controller' });
    expect(by('web-abc-1', 'controller')).toEqual({ passed: true, message: 'pod web-abc-1 was created by replicaset-controller' });
    expect(by('web-abc-1', 'kubectl')).toEqual({ passed: false, message: 'pod web-abc-1 was created by replicaset-controller, not by kubectl' });
    expect(by('early', 'scenario').passed).toBe(true);
    expect(by('db', 'kubectl').message).toBe('pod db not found in namespace default');
  });

  it('without a history it fails and says why', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    expect(evaluateCheck(c, check({ type: 'createdBy', kind: 'Pod', name: 'web', by: 'kubectl' }))).toEqual({
      passed: false,
      message: "this check needs the cluster's recorded history (a CheckHistory started when grading began)",
    });
  });
});

describe('replacedByController', () => {
  function setup() {
    const c = bareCluster();
    c.api.create(pod('web-1', { app: 'web' }), 'replicaset-controller');
    const h = new CheckHistory(c);
    return { c, h, replaced: check({ type: 'replacedByController', selector: 'app=web' }) };
  }

  it('passes when the controller, and only the controller, replaced a deleted pod', () => {
    const { c, h, replaced } = setup();
    expect(evaluateCheck(c, replaced, h)).toEqual({ passed: false, message: 'no pod with app=web has been deleted yet in namespace default' });
    tick(c, 5000);
    c.api.delete('Pod', 'default', 'web-1', 'kubectl');
    expect(evaluateCheck(c, replaced, h)).toEqual({ passed: false, message: 'pod web-1 was deleted, but the replicaset-controller has not created a pod with app=web since' });
    tick(c, 10);
    c.api.create(pod('web-2', { app: 'web' }), 'replicaset-controller');
    expect(evaluateCheck(c, replaced, h)).toEqual({ passed: true, message: 'pod web-2 was created by the replicaset-controller to replace pod web-1' });
    expect(h.pods.map((p) => [p.event, p.name, p.actor])).toEqual([
      ['deleted', 'web-1', 'kubectl'],
      ['created', 'web-2', 'replicaset-controller'],
    ]);
  });

  it('fails when the learner recreated the pod by hand', () => {
    const { c, h, replaced } = setup();
    c.api.delete('Pod', 'default', 'web-1', 'kubectl');
    c.api.create(pod('web-1', { app: 'web' }), 'kubectl');
    c.api.create(pod('web-2', { app: 'web' }), 'replicaset-controller');
    expect(evaluateCheck(c, replaced, h)).toEqual({
      passed: false,
      message: 'pod web-1 was created by kubectl after pod web-1 was deleted: the replacement must come from the replicaset-controller, not be created by hand',
    });
  });

  it('counts a deletion as soon as it is requested (a Terminating pod)', () => {
    const { c, h, replaced } = setup();
    const p = c.api.get('Pod', 'default', 'web-1');
    c.api.update({ ...p, metadata: { ...p.metadata, finalizers: ['x'] } }, 'test');
    c.api.delete('Pod', 'default', 'web-1', 'kubectl');
    c.api.create(pod('web-2', { app: 'web' }), 'replicaset-controller');
    expect(evaluateCheck(c, replaced, h).passed).toBe(true);
    expect(h.pods[0]).toMatchObject({ event: 'deleting', name: 'web-1', actor: 'kubectl' });
  });
});

describe('rolledBackTo', () => {
  it('compares the template with the one each revision had, even after revision numbers move', () => {
    const c = bareCluster();
    const d1 = c.api.create<Deployment>(deployment('web', 'nginx:1.25'), 'kubectl');
    const rs1 = c.api.create<ReplicaSet>(replicaSet(d1, 'aaa', 1), 'deployment-controller');
    const h = new CheckHistory(c);
    const back = (revision: number) => evaluateCheck(c, check({ type: 'rolledBackTo', deployment: 'web', revision }), h);
    expect(back(1)).toEqual({ passed: true, message: "deployment web's pod template is revision 1's (nginx:1.25)" });
    expect(back(2)).toEqual({ passed: false, message: 'revision 2 of deployment web is not known; its recorded revisions are 1' });
    // Roll out nginx:1.26 (revision 2) …
    const d2 = setImage(c, 'web', 'nginx:1.26');
    c.api.create(replicaSet(d2, 'bbb', 2), 'deployment-controller');
    expect(back(1)).toEqual({ passed: false, message: "deployment web runs nginx:1.26 (the template of revision 2), not revision 1's template (nginx:1.25)" });
    // … then roll back: the old ReplicaSet becomes revision 3 and remembers it was 1.
    setImage(c, 'web', 'nginx:1.25');
    c.api.update<ReplicaSet>(
      { ...rs1, metadata: { ...rs1.metadata, annotations: { 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' } } },
      'deployment-controller',
    );
    expect(back(1).passed).toBe(true);
    expect(back(3).passed).toBe(true);
    expect(back(2).passed).toBe(false);
    expect(h.revisions('default', 'web').map((r) => [r.revision, r.images])).toEqual([
      [1, 'nginx:1.25'],
      [2, 'nginx:1.26'],
      [3, 'nginx:1.25'],
    ]);
  });

  it('notices a template change that keeps the image', () => {
    const c = bareCluster();
    const d = c.api.create<Deployment>(deployment('web'), 'kubectl');
    c.api.create(replicaSet(d, 'aaa', 1), 'deployment-controller');
    const h = new CheckHistory(c);
    const cur = c.api.get<Deployment>('Deployment', 'default', 'web');
    const template = { ...cur.spec.template, metadata: { labels: { app: 'web', tier: 'fe' } } };
    c.api.update({ ...cur, spec: { ...cur.spec, template } }, 'kubectl');
    expect(evaluateCheck(c, check({ type: 'rolledBackTo', deployment: 'web', revision: 1 }), h).message).toBe(
      "deployment web's pod template differs from revision 1's, though both run nginx:1.25",
    );
  });
});

describe('availableNeverBelow', () => {
  function setup() {
    const c = bareCluster();
    c.api.create(deployment('web', 'nginx:1.25', 3), 'kubectl');
    setStatus(c, 'web', { updated: 3, available: 3 });
    const h = new CheckHistory(c);
    return { c, h };
  }
  const never = (min: number) => check({ type: 'availableNeverBelow', deployment: 'web', min });

  it('needs a rollout, then a finished one, with availability kept up', () => {
    const { c, h } = setup();
    expect(evaluateCheck(c, never(2), h)).toEqual({ passed: false, message: 'no rollout of deployment web has happened yet: change its pod template (for example its image) to start one' });
    tick(c, 1000);
    setImage(c, 'web', 'nginx:1.26');
    tick(c, 1000);
    setStatus(c, 'web', { current: 4, updated: 1, available: 3 });
    tick(c, 2000);
    setStatus(c, 'web', { current: 3, updated: 2, available: 2 });
    expect(evaluateCheck(c, never(2), h)).toEqual({ passed: false, message: 'the rollout of deployment web has not finished yet: 2/3 replicas updated, 2 available' });
    tick(c, 2000);
    setStatus(c, 'web', { updated: 3, available: 3 });
    expect(evaluateCheck(c, never(2), h)).toEqual({ passed: true, message: 'deployment web rolled out to nginx:1.26 with never fewer than 2 available replicas (lowest: 2)' });
    expect(evaluateCheck(c, never(3), h)).toEqual({ passed: false, message: 'during the rollout of deployment web, available replicas dropped to 2 (3s after it began), below 3' });
    // Scaling down after the rollout finished is not part of the rollout.
    tick(c, 1000);
    setStatus(c, 'web', { updated: 3, available: 0 });
    expect(evaluateCheck(c, never(2), h).passed).toBe(true);
  });

  it('a Recreate-style rollout that drops to zero fails', () => {
    const { c, h } = setup();
    setImage(c, 'web', 'nginx:1.26');
    setStatus(c, 'web', { current: 0, updated: 0, available: 0 });
    setStatus(c, 'web', { updated: 3, available: 3 });
    expect(evaluateCheck(c, never(1), h).message).toBe('during the rollout of deployment web, available replicas dropped to 0 (0s after it began), below 1');
  });
});

describe('CheckHistory snapshots', () => {
  it('round-trips through JSON and keeps recording on a restored cluster', () => {
    const c = bareCluster();
    c.api.create(pod('web-1', { app: 'web' }), 'replicaset-controller');
    const list = checks({ type: 'replacedByController', selector: 'app=web' }, { type: 'stableFor', seconds: 5, check: { type: 'exists', kind: 'Pod', name: 'web-1' } });
    const h = new CheckHistory(c, { checks: list });
    tick(c, 3000);
    const snap = JSON.parse(JSON.stringify(h.snapshot()));
    const c2 = Cluster.restore(c.snapshot());
    const h2 = CheckHistory.restore(c2, snap);
    expect(evaluateChecks(c2, list, h2)).toEqual(evaluateChecks(c, list, h));
    tick(c2, 3000);
    expect(evaluateChecks(c2, list, h2).results[1]).toEqual({ id: 'stableFor', passed: true, message: 'pod web-1 exists in namespace default, without a break for 6s' });
    c2.api.delete('Pod', 'default', 'web-1', 'kubectl');
    c2.api.create(pod('web-2', { app: 'web' }), 'replicaset-controller');
    expect(evaluateChecks(c2, list, h2).results[0]!.passed).toBe(true);
    // The original history saw none of that.
    expect(evaluateChecks(c, list, h).results[0]!.passed).toBe(false);
  });

  it('refuses a snapshot of another version, and stops recording when disposed', () => {
    const c = bareCluster();
    expect(() => CheckHistory.restore(c, { ...new CheckHistory(c).snapshot(), version: 99 })).toThrow('unsupported check history version 99');
    const h = new CheckHistory(c);
    h.dispose();
    c.api.create(pod('web'), 'kubectl');
    expect(h.pods).toEqual([]);
  });
});
