import { describe, expect, it } from 'vitest';
import { parseScenario, startSession } from '../scenario.ts';
import { scenarioSchema } from './scenario.ts';
import { undescribedFields } from './testing.ts';

describe('scenario schema', () => {
  it('describes every field', () => {
    expect(undescribedFields(scenarioSchema)).toEqual([]);
  });

  it('fills in defaults', () => {
    expect(parseScenario('')).toEqual({
      cluster: 'ready',
      objects: [],
      apply: false,
      files: {},
      settleSeconds: 0,
      clock: { startOffsetSeconds: 0, speed: 1 },
      chaos: { deletePod: false, stopNode: false, breakImage: false },
    });
  });

  it('reports the file, the field path and what was expected', () => {
    const problem = (text: string) => {
      try {
        parseScenario(text, 'content/03-pods/start.yaml');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problem('nodes: 3')).toBe('content/03-pods/start.yaml: nodes: Invalid input: expected array, received number');
    expect(problem('settle: 3')).toBe('content/03-pods/start.yaml: (top level): unknown field "settle"; expected one of: nodes, cluster, objects, apply, files, settleSeconds, clock, chaos');
    expect(problem('objects:\n  - apiVersion: v1\n    kind: Pood\n    metadata: {name: x}')).toMatch(/^content\/03-pods\/start.yaml: objects\[0\].kind: unknown kind "Pood"; expected one of .*Pod/);
    expect(problem('objects:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {}')).toBe('content/03-pods/start.yaml: objects[0].metadata: expected metadata.name (or metadata.generateName)');
    expect(problem('clock: {speed: -1}')).toBe('content/03-pods/start.yaml: clock.speed: Too small: expected number to be >=0');
    expect(problem('chaos: {stopNodes: true}')).toBe('content/03-pods/start.yaml: chaos: unknown field "stopNodes"; expected one of: deletePod, stopNode, breakImage');
    expect(problem('nodes:\n  - name: Node_1')).toBe('content/03-pods/start.yaml: nodes[0].name: expected a lowercase DNS label such as "node-1"');
    expect(problem('nodes: [')).toMatch(/^content\/03-pods\/start.yaml:1:\d+: invalid YAML: /);
  });

  it('starts a session: custom nodes, a later clock, objects settled', () => {
    const s = startSession(
      parseScenario(`
nodes:
  - name: cp
    role: control-plane
  - name: worker-a
clock: { startOffsetSeconds: 3600 }
objects:
  - apiVersion: v1
    kind: Pod
    metadata: { name: web, labels: { run: web } }
    spec: { containers: [{ name: web, image: nginx:1.25 }] }
settleSeconds: 30
files: { notes.txt: hello }
`),
    );
    expect(s.cluster.nodes().map((n) => [n.metadata.name, n.spec.podCIDR])).toEqual([
      ['cp', '10.244.0.0/24'],
      ['worker-a', '10.244.1.0/24'],
    ]);
    expect(new Date(s.cluster.now()).toISOString()).toBe('2026-01-12T10:00:30.000Z');
    expect(s.cluster.api.get('Pod', 'default', 'web')).toMatchObject({ spec: { nodeName: 'worker-a' }, status: { phase: 'Running' } });
  });

  it('names the object the API server rejects', () => {
    expect(() => startSession({ objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }] }, { file: 'x.yaml' })).toThrow('x.yaml: objects[0]: Pod "x" is invalid: spec.containers: Required value');
  });
});
