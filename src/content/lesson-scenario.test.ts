import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonScenario } from './lesson-scenario.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lesson-scenario-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const POD = 'objects:\n  - apiVersion: v1\n    kind: Pod\n    metadata: { name: web }\n    spec: { containers: [{ name: web, image: nginx }] }\n';

describe('lessonScenario', () => {
  it('is undefined for a lesson on the default cluster', () => {
    expect(lessonScenario(undefined, 'content/03-pods/01-a.mdx')).toBeUndefined();
  });

  it('reads a scenario file beside the lesson', () => {
    const root = tree({ 'content/03-pods/scenarios/web.yaml': POD });
    expect(lessonScenario('scenarios/web.yaml', 'content/03-pods/01-a.mdx', root)).toMatchObject({ objects: [{ kind: 'Pod' }] });
  });

  it('takes an inline scenario', () => {
    expect(lessonScenario({ settleSeconds: 5 }, 'content/03-pods/01-a.mdx')).toEqual({ settleSeconds: 5 });
  });

  it('names the lesson when the file is missing', () => {
    const root = tree({});
    expect(() => lessonScenario('scenarios/nope.yaml', 'content/03-pods/01-a.mdx', root)).toThrow(
      'content/03-pods/01-a.mdx: scenario: expected a scenario file at content/03-pods/scenarios/nope.yaml, but there is none',
    );
  });

  it('names the file and the field for a bad field or an object the API server refuses', () => {
    const root = tree({ 'content/03-pods/scenarios/bad.yaml': 'settleSecond: 5\n', 'content/03-pods/scenarios/refused.yaml': POD.replace('name: web }', 'name: Web }') });
    expect(() => lessonScenario('scenarios/bad.yaml', 'content/03-pods/01-a.mdx', root)).toThrow(/content\/03-pods\/scenarios\/bad\.yaml: .*settleSecond/);
    expect(() => lessonScenario('scenarios/refused.yaml', 'content/03-pods/01-a.mdx', root)).toThrow(/content\/03-pods\/scenarios\/refused\.yaml: objects\[0\]: .*Web/);
  });
});
