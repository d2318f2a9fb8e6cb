import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { NodeInfo } from './cache.ts';
import { FILTERS, nodeAffinity, podFacts, requests, runFilters, tolerates, type Reasons } from './filters.ts';
import { parseCPU, parseMemory } from './quantity.ts';

describe('tolerates', () => {
  const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
  it('matches key and effect with Exists', () => {
    expect(tolerates([{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }], cp)).toBe(true);
    expect(tolerates([{ key: cp.key, operator: 'Exists' }], cp)).toBe(true);
    expect(tolerates([{ key: cp.key, operator: 'Exists', effect: 'NoExecute' }], cp)).toBe(false);
    expect(tolerates([{ key: 'other', operator: 'Exists' }], cp)).toBe(false);
  });
  it('matches values with Equal (the default operator)', () => {
    const t = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const };
    expect(tolerates([{ key: 'dedicated', value: 'gpu' }], t)).toBe(true);
    expect(tolerates([{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], t)).toBe(false);
  });
  it('tolerates everything with an empty key and Exists', () => {
    expect(tolerates([{ operator: 'Exists' }], cp)).toBe(true);
  });
  it('does not tolerate with no tolerations', () => {
    expect(tolerates(undefined, cp)).toBe(false);
    // The default NoExecute tolerations do not cover a NoSchedule taint.
    expect(tolerates([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], cp)).toBe(false);
  });
});

describe('requests', () => {
  it('takes the larger of the containers\' sum and the biggest init container', () => {
    const c = (name: string, cpu: string, memory: string) => ({ name, image: 'x', resources: { requests: { cpu, memory } } });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [c('a', '100m', '1Mi'), c('b', '200m', '1Mi')], initContainers: [c('i', '500m', '1Mi'), c('j', '50m', '1Mi')] } } as Pod;
    expect(requests(pod)).toEqual({ cpu: 500, memory: 2 * 1024 * 1024 });
  });
});

describe('quantities', () => {
  it('parses cpu to millicores', () => {
    expect(parseCPU('500m')).toBe(500);
    expect(parseCPU('2')).toBe(2000);
    expect(parseCPU('0.5')).toBe(500);
  });
  it('parses memory to bytes', () => {
    expect(parseMemory('128Mi')).toBe(128 * 1024 * 1024);
    expect(parseMemory('1G')).toBe(1e9);
    expect(parseMemory('8148204Ki')).toBe(8148204 * 1024);
    expect(parseMemory('100')).toBe(100);
  });
});

describe('runFilters', () => {
  it('runs the FILTERS chain in order and reports the first failure', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', resources: { requests: { cpu: '2' } } }] } } as Pod;
    const info = (unschedulable: boolean, labels: Record<string, string>, cpu: number): NodeInfo => ({
      node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels }, spec: { unschedulable } } as Node,
      plain: !unschedulable,
      allocatable: { cpu, memory: 1e9, pods: 110 },
      podCount: 0,
      cpu: 0,
      memory: 0,
      hostPorts: new Map(),
      byOwner: new Map(),
    });
    const facts = podFacts(pod);
    for (const i of [info(true, {}, 1000), info(false, {}, 1000), info(false, { disk: 'ssd' }, 1000), info(false, { disk: 'ssd' }, 4000)]) {
      let expected: Reasons | undefined;
      for (const f of FILTERS) if ((expected = f(facts, i)) !== undefined) break;
      expect(runFilters(facts, i)).toBe(expected);
    }
    expect(runFilters(facts, info(false, { disk: 'ssd' }, 1000))).toBe('Insufficient cpu');
    expect(runFilters(facts, info(false, { disk: 'ssd' }, 4000))).toBeUndefined();
  });
  it('answers as the whole chain does when it checks only resources for a plain pod on a plain node', () => {
    const node = fc.record({ unschedulable: fc.boolean(), tainted: fc.boolean(), ssd: fc.boolean(), cpu: fc.constantFrom(500, 4000), pods: fc.constantFrom(0, 1, 110) });
    const pod = fc.record({ selector: fc.boolean(), hostPort: fc.boolean(), tolerant: fc.boolean() });
    fc.assert(
      fc.property(node, pod, (n, p) => {
        const info: NodeInfo = {
          node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: n.ssd ? { disk: 'ssd' } : {} }, spec: { unschedulable: n.unschedulable, ...(n.tainted ? { taints: [{ key: 'k', effect: 'NoSchedule' as const }] } : {}) } } as Node,
          plain: !n.unschedulable && !n.tainted,
          allocatable: { cpu: n.cpu, memory: 1e9, pods: n.pods },
          podCount: 0,
          cpu: 0,
          memory: 0,
          hostPorts: new Map(),
          byOwner: new Map(),
        };
        const spec: Pod['spec'] = {
          containers: [{ name: 'c', resources: { requests: { cpu: '1' } }, ...(p.hostPort ? { ports: [{ containerPort: 80, hostPort: 8080 }] } : {}) }],
          ...(p.selector ? { nodeSelector: { disk: 'ssd' } } : {}),
          ...(p.tolerant ? { tolerations: [{ operator: 'Exists' as const }] } : {}),
        };
        const facts = podFacts({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec } as Pod);
        let expected: Reasons | undefined;
        for (const f of FILTERS) if ((expected = f(facts, info)) !== undefined) break;
        expect(runFilters(facts, info)).toEqual(expected);
      }),
    );
  });

  it('names every resource the node is short of, pods first', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu: '2', memory: '2G' } } }] } } as Pod;
    const info = (cpu: number, memory: number, pods: number): NodeInfo => ({
      node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {} } as Node,
      plain: true,
      allocatable: { cpu, memory, pods },
      podCount: 1,
      cpu: 0,
      memory: 0,
      hostPorts: new Map(),
      byOwner: new Map(),
    });
    const facts = podFacts(pod);
    expect(runFilters(facts, info(1000, 1e9, 110))).toEqual(['Insufficient cpu', 'Insufficient memory']);
    expect(runFilters(facts, info(4000, 1e9, 110))).toBe('Insufficient memory');
    expect(runFilters(facts, info(1000, 4e9, 1))).toEqual(['Too many pods', 'Insufficient cpu']);
    expect(runFilters(facts, info(4000, 4e9, 110))).toBeUndefined();
  });
});

describe('nodeAffinity', () => {
  const node = (name: string, labels: Record<string, string> = {}) => ({ node: { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: {} } as Node }) as NodeInfo;
  const pod = (spec: Partial<Pod['spec']>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }], ...spec } }) as Pod;
  const MISMATCH = "node(s) didn't match Pod's node affinity/selector";
  it('honours the matchFields metadata.name term the DaemonSet controller writes', () => {
    const facts = podFacts(pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] } } } }));
    expect(nodeAffinity(facts, node('node-2'))).toBeUndefined();
    expect(nodeAffinity(facts, node('node-1'))).toBe(MISMATCH);
  });
  it('ORs the terms, ANDs each term\'s expressions, and checks the nodeSelector too', () => {
    const terms = [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }, { key: 'zone', operator: 'Exists' }] }, { matchExpressions: [{ key: 'gpu', operator: 'Gt', values: ['1'] }] }];
    const facts = podFacts(pod({ nodeSelector: { os: 'linux' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } }));
    expect(nodeAffinity(facts, node('a', { os: 'linux', disk: 'ssd', zone: 'z1' }))).toBeUndefined();
    expect(nodeAffinity(facts, node('b', { os: 'linux', disk: 'ssd' }))).toBe(MISMATCH);
    expect(nodeAffinity(facts, node('c', { os: 'linux', gpu: '2' }))).toBeUndefined();
    expect(nodeAffinity(facts, node('d', { os: 'linux', gpu: '1' }))).toBe(MISMATCH);
    expect(nodeAffinity(facts, node('e', { disk: 'ssd', zone: 'z1' }))).toBe(MISMATCH);
  });
  it('matches no node with an empty term, and every node without required affinity', () => {
    const empty = podFacts(pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }));
    expect(nodeAffinity(empty, node('a'))).toBe(MISMATCH);
    expect(nodeAffinity(podFacts(pod({ affinity: { nodeAffinity: {} } })), node('a'))).toBeUndefined();
  });
});
