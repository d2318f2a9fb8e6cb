import { describe, expect, it } from 'vitest';
import { summarise } from './announcer.ts';
import { clusterWithWeb } from './fixtures.ts';
import { itemLabel, kubectlFor, targetOf } from './labels.ts';
import { layoutCluster } from './layout.ts';
import { buildModel } from './model.ts';
import { readObjects } from './read.ts';
import { fit } from './renderer.ts';

describe('labels', () => {
  const layout = layoutCluster(buildModel(readObjects(clusterWithWeb())), { width: 640, showSystem: false });

  it('names every box for assistive technology', () => {
    const pod = layout.items.find((i) => i.type === 'pod' && i.pod.status === 'ContainerCreating')!;
    expect(itemLabel(pod)).toMatch(/^Pod web-[a-z0-9]+-[a-z0-9]+, ContainerCreating, 0\/1 ready, on node-\d, owned by ReplicaSet web-[a-z0-9]+$/);
    const node = layout.items.find((i) => i.key === 'node:control-plane')!;
    expect(itemLabel(node)).toMatch(/^Node control-plane \(control plane\), Ready, 0 pods shown, \d+ kube-system pods hidden$/);
    const svc = layout.items.find((i) => i.type === 'service' && i.service.name === 'web')!;
    expect(itemLabel(svc)).toMatch(/^Service web, ClusterIP 10\.\d+\.\d+\.\d+, sends traffic to 3 pods$/);
  });

  it('maps boxes to kubectl commands', () => {
    const node = layout.items.find((i) => i.key === 'node:node-2')!;
    expect(kubectlFor(targetOf(node)!)).toEqual({ describe: 'kubectl describe node node-2', yaml: 'kubectl get node node-2 -o yaml' });
    const rs = layout.items.find((i) => i.type === 'replicaset')!;
    expect(kubectlFor(targetOf(rs)!).describe).toMatch(/^kubectl describe replicaset web-[a-z0-9]+ -n default$/);
    expect(targetOf(layout.items.find((i) => i.type === 'link')!)).toBeUndefined();
  });
});

describe('fit and summarise', () => {
  it('shortens long names in the middle and other text at the end', () => {
    expect(fit('web', 100, 6, true)).toBe('web');
    expect(fit('web-7d9f4c6b5d-abcde', 60, 6, true)).toBe('web-…abcde');
    expect(fit('ContainerCreating · 0/1', 60, 6, false)).toBe('Container…');
  });

  it('summarises a burst of changes', () => {
    expect(summarise(['a', 'b'])).toBe('a. b.');
    expect(summarise(['a', 'b', 'c', 'd', 'e'])).toBe('a. b. c. And 2 more changes.');
  });
});
