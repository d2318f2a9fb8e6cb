import { describe, expect, it } from 'vitest';
import { buildSession } from './build.ts';
import { parseYaml, startSession, validateScenario } from './scenario.ts';
import type { ScenarioInput } from './schema/scenario.ts';

const SCENARIOS: Record<string, ScenarioInput> = {
  empty: {},
  objects: {
    objects: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } }],
    settleSeconds: 30,
    files: { 'notes.txt': 'hello\n' },
    clock: { startOffsetSeconds: -600 },
  },
  nodes: { nodes: [{ name: 'cp', role: 'control-plane' }, { name: 'w1', cpu: '2', labels: { disk: 'ssd' } }] },
  bare: { cluster: 'none', nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'node-1' }] },
  applied: { apply: true, objects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }] },
};

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.25
`;

async function run(session: ReturnType<typeof buildSession>, command: string): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  await session.run(command, { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) });
  return { out, err };
}

describe('buildSession', () => {
  // The browser builds scenarios without the schema, from what the site's build wrote (input or
  // parsed form): it must land exactly where startSession does.
  for (const [name, input] of Object.entries(SCENARIOS)) {
    it(`builds "${name}" as startSession does, from the input and from the parsed form`, () => {
      const expected = startSession(input, { seed: 7 }).snapshot();
      expect(buildSession(input, { seed: 7 }).snapshot()).toEqual(expected);
      expect(buildSession(validateScenario(input), { seed: 7 }).snapshot()).toEqual(expected);
    });
  }

  it('names the file and the object when an object is refused', () => {
    expect(() => buildSession({ objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }] }, { file: 'start.yaml' })).toThrow(/^start\.yaml: objects\[0\]: /);
  });

  it('creates objects as kubectl apply would with apply: true, so a later apply finds them unchanged', async () => {
    const scenario: ScenarioInput = { apply: true, objects: [parseYaml(MANIFEST, 'web.yaml') as never], files: { 'web.yaml': MANIFEST } };
    const seeded = buildSession(scenario, { seed: 3 });
    const learner = buildSession({ files: { 'web.yaml': MANIFEST } }, { seed: 3 });
    await run(learner, 'kubectl apply -f web.yaml');
    const annotation = (s: ReturnType<typeof buildSession>) =>
      s.cluster.api.get('Deployment', 'default', 'web').metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    expect(annotation(seeded)).toBeDefined();
    expect(annotation(seeded)).toBe(annotation(learner));
    expect(await run(seeded, 'kubectl apply -f web.yaml')).toEqual({ out: 'deployment.apps/web unchanged\n', err: '' });
    // Without it, apply warns that the object was not created by apply, as on a real cluster.
    const created = buildSession({ objects: [parseYaml(MANIFEST, 'web.yaml') as never], files: { 'web.yaml': MANIFEST } }, { seed: 3 });
    expect((await run(created, 'kubectl apply -f web.yaml')).err).toMatch(/^Warning: resource deployments\/web is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
  });
});
