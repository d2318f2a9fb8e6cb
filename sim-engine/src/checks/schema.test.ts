import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/schema/issues.ts';
import { undescribedFields } from '../scenario/schema/testing.ts';
import { ALL_CHECKS, checkSchema } from './schema/check.ts';

function problems(input: unknown): string {
  const r = checkSchema.safeParse(input);
  return r.success ? '' : formatIssues('lesson.exercise.yaml', r.error.issues, ['exercises', 0, 'tasks', 0, 'checks', 0]);
}

describe('check schemas', () => {
  it('fill in defaults and normalise kinds', () => {
    expect(checkSchema.parse({ type: 'exists', kind: 'po', name: 'web' })).toEqual({ type: 'exists', kind: 'Pod', name: 'web', namespace: 'default' });
    expect(checkSchema.parse({ type: 'replacedByController', selector: { app: 'web' } })).toMatchObject({ controller: 'replicaset-controller', namespace: 'default' });
    expect(checkSchema.parse({ type: 'count', kind: 'deploy', equals: 1 })).toMatchObject({ kind: 'Deployment', allNamespaces: false, includeTerminating: false });
  });

  it('accept one example of every type', () => {
    const examples = [
      { type: 'exists', kind: 'Pod', name: 'web' },
      { type: 'absent', kind: 'Pod', name: 'web' },
      { type: 'field', kind: 'Deployment', name: 'web', path: 'status.readyReplicas', gte: 3 },
      { type: 'count', kind: 'Pod', selector: 'app=web', where: { path: 'status.phase', equals: 'Running' }, equals: 3 },
      { type: 'podsReady', deployment: 'web' },
      { type: 'serviceSelects', service: 'web', equals: 3 },
      { type: 'ownedBy', kind: 'ReplicaSet', selector: 'app=web', owner: { kind: 'Deployment', name: 'web' } },
      { type: 'availableNeverBelow', deployment: 'web', min: 2 },
      { type: 'replacedByController', selector: 'app=web' },
      { type: 'rolledBackTo', deployment: 'web', revision: 1 },
      { type: 'createdBy', kind: 'Pod', name: 'web', by: 'kubectl' },
      { type: 'stableFor', seconds: 10, check: { type: 'podsReady', pod: 'web' } },
    ];
    expect(examples.map((e) => e.type)).toEqual(ALL_CHECKS.map((s) => s.shape.type.value));
    for (const e of examples) expect(problems(e)).toBe('');
  });

  it('describe every field, nested ones included', () => {
    for (const s of ALL_CHECKS) expect(s.description, s.shape.type.value).toBeTruthy();
    expect(undescribedFields(checkSchema)).toEqual([]);
  });

  it('report the file, the field and what was expected', () => {
    const at = 'lesson.exercise.yaml: exercises[0].tasks[0].checks[0]';
    expect(problems({ type: 'exist', kind: 'Pod', name: 'web' })).toBe(`${at}.type: expected "type" to be one of: exists, absent, field, count, podsReady, serviceSelects, ownedBy, availableNeverBelow, replacedByController, rolledBackTo, createdBy, stableFor`);
    expect(problems({ type: 'exists', kind: 'Pood', name: 'web' })).toContain(`${at}.kind: unknown kind "Pood"; expected one of `);
    expect(problems({ type: 'exists', kind: 'Pod' })).toBe(`${at}.name: Invalid input: expected string, received undefined`);
    expect(problems({ type: 'field', kind: 'Pod', name: 'web', path: 'spec.containers[0].image', equal: 'x' })).toContain(`${at}: unknown field "equal"; expected one of: type, id, description, guard, kind, name, namespace, path, equals`);
    expect(problems({ type: 'field', kind: 'Pod', name: 'web', path: 'spec.containers[0].image' })).toBe(`${at}: expected at least one of: equals, notEquals, matches, gte, lte, gt, lt, exists`);
    expect(problems({ type: 'field', kind: 'Pod', name: 'web', path: 'spec..image', equals: 'x' })).toBe(`${at}.path: bad path "spec..image" at character 6: expected a field name`);
    expect(problems({ type: 'field', kind: 'Pod', name: 'web', path: 'a', matches: '(' })).toContain(`${at}.matches: bad regular expression`);
    expect(problems({ type: 'count', kind: 'Pod', selector: 'app in (x' , equals: 1 })).toContain(`${at}.selector: bad label selector "app in (x"`);
    expect(problems({ type: 'podsReady', pod: 'a', deployment: 'b' })).toBe(`${at}: expected only one of pod, deployment, replicaSet, selector, got pod and deployment`);
    expect(problems({ type: 'podsReady' })).toBe(`${at}: expected one of: pod, deployment, replicaSet, selector`);
    expect(problems({ type: 'stableFor', seconds: 5, check: { type: 'createdBy', kind: 'Pod', name: 'x', by: 'kubectl' } })).toBe(
      `${at}.check.type: expected a check type that looks at the cluster now: exists, absent, field, count, podsReady, serviceSelects, ownedBy`,
    );
    expect(problems({ type: 'stableFor', seconds: 0, check: { type: 'exists', kind: 'Pod', name: 'x' } })).toBe(`${at}.seconds: Too small: expected number to be >0`);
    expect(problems({ type: 'exists', id: 'Web Running', kind: 'Pod', name: 'x' })).toContain(`${at}.id: expected a lowercase id`);
  });
});
