import { describe, expect, it } from 'vitest';
import { buildSession } from './build.ts';
import { startSession, validateScenario } from './scenario.ts';
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
};

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
});
