import { Session, type Cluster, type Deployment, type Pod } from '@wheelhouse/sim-engine';
import { describe, expect, it } from 'vitest';
import { breakImage, CHAOS_ACTOR, deleteRandomPod, nodePower, startStoppedNodes, stoppedNodes, stopRandomNode, withMissingTag, workerNodes } from './chaos.ts';

const quiet = { stdout: () => {}, stderr: () => {} };

async function withPods(...names: string[]) {
  const session = new Session({ startTime: Date.UTC(2026, 0, 12, 9) });
  for (const n of names) await session.run(`kubectl run ${n} --image=nginx`, quiet);
  session.cluster.advance(5000);
  return session;
}

function deployment(name: string, image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } } },
  } as Deployment;
}

describe('deleteRandomPod', () => {
  it('deletes the picked pod as chaos-monkey and never touches kube-system', async () => {
    const session = await withPods('web', 'db');
    const result = deleteRandomPod(session.cluster, () => 1);
    expect(result).toEqual({ ok: true, message: 'chaos-monkey deleted pod/web.' });
    const web = session.cluster.api.tryGet<Pod>('Pod', 'default', 'web');
    expect(web?.metadata.deletionTimestamp).toBeDefined();
    expect(session.cluster.api.audit.some((a) => a.actor === CHAOS_ACTOR && a.kind === 'Pod' && a.name === 'web')).toBe(true);
    // The terminating pod is not picked again.
    expect(deleteRandomPod(session.cluster, () => 0).message).toBe('chaos-monkey deleted pod/db.');
    expect(deleteRandomPod(session.cluster, () => 0)).toEqual({ ok: false, message: 'There is no pod to delete: create one first.' });
  });
});

describe('breakImage', () => {
  it('sets a Deployment image to a tag that does not exist', async () => {
    const session = await withPods();
    session.cluster.api.create(deployment('web', 'nginx:1.27'), 'kubectl');
    const result = breakImage(session.cluster, () => 0);
    expect(result).toEqual({ ok: true, message: 'chaos-monkey set deployment/web container app to image nginx:does-not-exist.' });
    const d = session.cluster.api.get<Deployment>('Deployment', 'default', 'web');
    expect(d.spec.template.spec.containers[0]?.image).toBe('nginx:does-not-exist');
    expect(breakImage(session.cluster).ok).toBe(false);
  });

  it('explains when there is no Deployment', async () => {
    const session = await withPods('web');
    expect(breakImage(session.cluster)).toEqual({ ok: false, message: 'There is no Deployment whose image could break: create one first.' });
  });

  it('rewrites tags, digests and registry ports correctly', () => {
    expect(withMissingTag('nginx')).toBe('nginx:does-not-exist');
    expect(withMissingTag('nginx:1.27')).toBe('nginx:does-not-exist');
    expect(withMissingTag('localhost:5000/team/app:v2')).toBe('localhost:5000/team/app:does-not-exist');
    expect(withMissingTag('redis@sha256:abc')).toBe('redis:does-not-exist');
  });
});

describe('node chaos', () => {
  it('detects whether the engine can stop nodes', async () => {
    const session = await withPods();
    const fake = { stopped: [] as string[], started: [] as string[] };
    const cluster = Object.assign(Object.create(session.cluster) as Cluster, {
      stopNode: (n: string) => fake.stopped.push(n),
      startNode: (n: string) => fake.started.push(n),
      isNodeStopped: undefined,
    });
    expect(nodePower({ ...session.cluster, stopNode: undefined } as unknown as Cluster)).toBeUndefined();
    const power = nodePower(cluster)!;
    expect(workerNodes(session.cluster)).toEqual(['node-1', 'node-2', 'node-3']);
    const stopped = new Set<string>();
    expect(stopRandomNode(session.cluster, power, stopped, () => 2)).toMatchObject({ ok: true, node: 'node-3' });
    expect(stopRandomNode(session.cluster, power, stopped, () => 0).message).toBe('chaos-monkey stopped node node-1: its kubelet no longer reports.');
    expect(startStoppedNodes(session.cluster, power, stopped).message).toBe('chaos-monkey started nodes node-1, node-3 again.');
    expect(fake).toEqual({ stopped: ['node-3', 'node-1'], started: ['node-1', 'node-3'] });
    expect(startStoppedNodes(session.cluster, power, stopped).ok).toBe(false);
  });

  it('stops and starts real nodes when the engine can', async () => {
    const session = await withPods('web');
    const power = nodePower(session.cluster);
    if (!power) return; // an engine without Cluster.stopNode: the controls are hidden
    const stopped = new Set<string>();
    const result = stopRandomNode(session.cluster, power, stopped, () => 0);
    expect(power.isNodeStopped(result.node!)).toBe(true);
    // The engine remembers, so a fresh set (after a reload) still finds the stopped node.
    expect(stoppedNodes(session.cluster, power)).toEqual([result.node]);
    session.cluster.advance(60_000);
    const node = session.cluster.nodes().find((n) => n.metadata.name === result.node)!;
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).not.toBe('True');
    expect(startStoppedNodes(session.cluster, power, new Set()).nodes).toEqual([result.node]);
    expect(power.isNodeStopped(result.node!)).toBe(false);
  });
});
