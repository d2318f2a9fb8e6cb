import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deployment } from '../../api/apps.ts';
import { StatusError } from '../../apiserver/errors.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { isPodReady } from '../controller-utils.ts';
import { activePods, deployment, makeDeployment, replicaSets, scale, setImage } from '../testing.ts';
import { maxSurge, maxUnavailable, replicasOf } from './util.ts';

const APPS = ['web', 'api'];
const IMAGES = ['nginx:1.25', 'nginx:1.26', 'nginx:1.27', 'nginx:doesnotexist'];
const STRATEGIES: Deployment['spec']['strategy'][] = [
  undefined,
  { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
  { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '50%' } },
  { type: 'Recreate' },
];

type Op =
  | { op: 'scale'; app: number; replicas: number }
  | { op: 'image'; app: number; image: number }
  | { op: 'deletePod'; app: number; index: number }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('scale' as const), app: fc.nat(1), replicas: fc.nat(6) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('image' as const), app: fc.nat(1), image: fc.nat(IMAGES.length - 1) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('deletePod' as const), app: fc.nat(1), index: fc.nat(6) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 60_000 })) }), weight: 4 },
);

/** Fences tracks, per Deployment, whether it has been fully available since the last scale or pod deletion. */
interface Fences {
  armed: Set<string>;
  problems: string[];
}

/** How often the fences had a rollout to watch, so the property cannot pass vacuously. */
const seen = { armedRollouts: 0, surged: 0 };

function check(c: Cluster, f: Fences): void {
  for (const app of APPS) {
    const d = deployment(c, app);
    const replicas = replicasOf(d);
    const pods = activePods(c, 'default', app);
    const available = pods.filter(isPodReady).length;
    const recreate = d.spec.strategy?.type === 'Recreate';
    const maxPods = replicas + maxSurge(d);
    if (pods.length > maxPods) f.problems.push(`${app}: ${pods.length} pods > ${maxPods} at ${c.now()}`);
    if (f.armed.has(app) && !recreate && available < replicas - maxUnavailable(d)) {
      f.problems.push(`${app}: ${available} available < ${replicas - maxUnavailable(d)} at ${c.now()}`);
    }
    if (complete(c, d)) f.armed.add(app);
    const owners = new Set(pods.map((p) => p.metadata.ownerReferences?.[0]?.uid));
    if (f.armed.has(app) && owners.size > 1) seen.armedRollouts++;
    if (pods.length > replicas) seen.surged++;
  }
}

function complete(c: Cluster, d: Deployment): boolean {
  const r = replicasOf(d);
  const s = d.status ?? {};
  const pods = activePods(c, 'default', d.metadata.name);
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && pods.length === r && pods.every(isPodReady);
}

/** advance steps through every timer, checking the fences at each instant the cluster settles. */
function advance(c: Cluster, ms: number, f: Fences): void {
  const end = c.now() + ms;
  for (let next = c.nextTimerAt(); next !== undefined && next <= end; next = c.nextTimerAt()) {
    c.advanceTo(next);
    check(c, f);
  }
  c.advanceTo(end);
  check(c, f);
}

function apply(c: Cluster, o: Op, f: Fences): void {
  try {
    switch (o.op) {
      case 'scale':
        scale(c, APPS[o.app]!, o.replicas);
        f.armed.delete(APPS[o.app]!);
        break;
      case 'image':
        setImage(c, APPS[o.app]!, IMAGES[o.image]!);
        break;
      case 'deletePod': {
        const pods = activePods(c, 'default', APPS[o.app]!);
        const victim = pods[o.index % Math.max(1, pods.length)];
        if (victim) c.api.delete('Pod', 'default', victim.metadata.name!, 'kubectl');
        f.armed.delete(APPS[o.app]!);
        break;
      }
      case 'advance':
        advance(c, o.ms, f);
        return;
    }
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
  }
  c.drain();
  check(c, f);
}

describe('Deployment properties', () => {
  it('stay within replicas + maxSurge and replicas − maxUnavailable, never throw, and converge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.tuple(fc.nat(STRATEGIES.length - 1), fc.nat(STRATEGIES.length - 1)),
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 })),
        fc.array(opArb, { minLength: 1, maxLength: 15 }),
        (seed, strategies, sizes, ops) => {
          const c = defaultCluster({ seed });
          const f: Fences = { armed: new Set(), problems: [] };
          APPS.forEach((app, i) => c.api.create(makeDeployment(app, { replicas: sizes[i]!, strategy: STRATEGIES[strategies[i]!] }), 'kubectl'));
          c.drain();
          for (const o of ops) {
            apply(c, o, f);
            if (f.problems.length) break;
          }
          expect(f.problems).toEqual([]);
          // Whatever happened, a good image and some time bring every Deployment to completion.
          for (const app of APPS) if (deployment(c, app).spec.template.spec.containers[0]!.image === 'nginx:doesnotexist') setImage(c, app, 'nginx:1.25');
          advance(c, 600_000, f);
          expect(f.problems).toEqual([]);
          for (const app of APPS) {
            const d = deployment(c, app);
            expect(complete(c, d), `${app} complete`).toBe(true);
            expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason, `${app} progressing`).toBe('NewReplicaSetAvailable');
            const owners = new Set(activePods(c, 'default', app).map((p) => p.metadata.ownerReferences?.[0]?.name));
            const current = replicaSets(c).filter((rs) => rs.metadata.labels?.app === app && (rs.spec.replicas ?? 0) > 0);
            expect(current.length, `${app} has one active ReplicaSet`).toBeLessThanOrEqual(1);
            if (replicasOf(d) > 0) expect([...owners]).toEqual([current[0]!.metadata.name]);
          }
        },
      ),
      { numRuns: Number(process.env.DEPLOY_RUNS ?? 40) },
    );
    expect(seen.armedRollouts).toBeGreaterThan(0);
    expect(seen.surged).toBeGreaterThan(0);
  }, 120_000);
});
