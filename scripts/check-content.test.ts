import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exerciseSchema } from '../src/content/schemas/exercise.ts';
import { runCheckContent } from './check-content.ts';
import { checkExercise, settleSecondsFor } from './lib/check-exercise.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** course writes a one-lesson course into a temp dir and returns its content dir. */
function course(exerciseYaml: string, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'wheelhouse-content-'));
  dirs.push(root);
  const chapter = join(root, '09-test');
  mkdirSync(chapter);
  writeFileSync(join(chapter, 'chapter.yaml'), 'title: Test\nnumber: 9\nsummary: A test chapter.\n');
  writeFileSync(join(chapter, '01-lesson.mdx'), '---\ntitle: Lesson\ndescription: A lesson.\n---\n\nText.\n');
  writeFileSync(join(chapter, '01-lesson.exercise.yaml'), exerciseYaml);
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(contentDir: string, ...args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await runCheckContent(['--content', contentDir, ...args], { write: (t) => (out += t) });
  return { status, out };
}

const RUN_A_POD = (solution: string, scenario = '') => `
exercises:
  - id: run-a-pod
    title: Run a pod
${scenario}    tasks:
      - title: Run web from nginx:1.25
        checks:
          - { id: web-exists, type: exists, kind: Pod, name: web }
          - { id: web-image, type: field, kind: Pod, name: web, path: "spec.containers[0].image", equals: "nginx:1.25" }
          - id: web-running
            type: stableFor
            seconds: 10
            check: { type: podsReady, pod: web }
        hints: [Use kubectl run.]
    solution: |
${solution.replace(/^/gm, '      ')}
`;

describe('check:content', () => {
  it('passes the course as shipped', async () => {
    const { status, out } = await run('content');
    expect(out).toContain('✓ 03-pods/01-your-first-pod/run-a-pod: 4 checks fail before, pass after');
    expect(out).toMatch(/\d+ exercises checked, 0 failed/);
    expect(status).toBe(0);
  });

  it('passes a correct exercise, and says so per exercise', async () => {
    const { status, out } = await run(course(RUN_A_POD('kubectl run web --image=nginx:1.25')));
    expect(out).toBe('✓ 09-test/01-lesson/run-a-pod: 3 checks fail before, pass after\n\n1 exercise checked, 0 failed; 0 quiz questions valid\n');
    expect(status).toBe(0);
  });

  it('catches a deliberately wrong solution', async () => {
    const { status, out } = await run(course(RUN_A_POD('kubectl run web --image=nginx')));
    expect(out).toContain('✗ 09-test/01-lesson/run-a-pod: check "web-image" still fails after the solution: pod web: spec.containers[0].image is "nginx", expected "nginx:1.25"\n');
    expect(out).toContain('✗ 1 exercise checked, 1 failed');
    expect(status).toBe(1);
  });

  it('catches a check that already passes on the start state', async () => {
    const scenario = `    scenario:
      objects:
        - { apiVersion: v1, kind: Pod, metadata: { name: web }, spec: { containers: [{ name: web, image: "nginx:1.25" }] } }
      settleSeconds: 20
`;
    const { status, out } = await run(course(RUN_A_POD('kubectl get pods', scenario)));
    expect(out).toContain('✗ 09-test/01-lesson/run-a-pod: check "web-exists" already passes on the start state: pod web exists in namespace default\n');
    expect(out).toContain('✗ 09-test/01-lesson/run-a-pod: check "web-image" already passes on the start state');
    // A stability check cannot pass at the first instant, but it does if the learner just waits: also caught.
    expect(out).toContain('✗ 09-test/01-lesson/run-a-pod: check "web-running" passes when the learner does nothing for 30s: pod web is Running and Ready, without a break for 30s\n');
    expect(status).toBe(1);
  });

  it('reports a failing solution command with its transcript', async () => {
    const { status, out } = await run(course(RUN_A_POD('kubectl run web --image=nginx:1.25\nkubectl delete pod db')));
    expect(out).toContain('✗ 09-test/01-lesson/run-a-pod: solution command `kubectl delete pod db` exited with status 1: Error from server (NotFound): pods "db" not found');
    expect(out).toContain('  solution transcript:\n    $ kubectl run web --image=nginx:1.25\n    pod/web created\n');
    expect(status).toBe(1);
  });

  it('reports content errors with the file, the field and what was expected', async () => {
    const dir = course(RUN_A_POD('kubectl run web --image=nginx:1.25').replace('type: exists', 'type: exist').replace('title: Run a pod\n', 'title: Run a pod\n    scenario: nowhere.yaml\n'));
    const file = relative(process.cwd(), join(dir, '09-test', '01-lesson.exercise.yaml'));
    const { status, out } = await run(dir);
    expect(out).toContain('✗ content errors:\n');
    expect(out).toContain(`  ${file}: exercises[0].scenario: expected a scenario file at ${relative(process.cwd(), join(dir, '09-test', 'nowhere.yaml'))}, but there is none\n`);
    expect(status).toBe(1);
    const typo = course(RUN_A_POD('kubectl run web --image=nginx:1.25').replace('type: exists', 'type: exist'));
    const r2 = await run(typo);
    expect(r2.out).toContain(`exercises[0].tasks[0].checks[0].type: expected "type" to be one of: exists, absent, field`);
    expect(r2.status).toBe(1);
  });

  it('resolves a scenario file and reports its problems in that file', async () => {
    const ok = course(RUN_A_POD('kubectl run web --image=nginx:1.25', '    scenario: ../scenarios/empty.yaml\n'), { 'scenarios/empty.yaml': 'settleSeconds: 5\n' });
    expect((await run(ok)).status).toBe(0);
    const bad = course(RUN_A_POD('kubectl run web --image=nginx:1.25', '    scenario: ../scenarios/bad.yaml\n'), { 'scenarios/bad.yaml': 'objects:\n  - kind: Pod\n' });
    const { status, out } = await run(bad);
    expect(out).toContain(`${relative(process.cwd(), join(bad, 'scenarios', 'bad.yaml'))}: objects[0].apiVersion: Invalid input: expected string, received undefined`);
    expect(status).toBe(1);
  });
});

describe('check:content: lesson scenarios', () => {
  it("builds each lesson's own scenario and reports a broken one with its file", async () => {
    const dir = course(RUN_A_POD('kubectl run web --image=nginx:1.25'), {
      '09-test/02-ok.mdx': '---\ntitle: OK\ndescription: A lesson.\nscenario: scenarios/one-pod.yaml\n---\n',
      '09-test/scenarios/one-pod.yaml': 'objects:\n  - { apiVersion: v1, kind: Pod, metadata: { name: db }, spec: { containers: [{ name: db, image: redis }] } }\n',
    });
    const ok = await run(dir);
    expect(ok.out).toContain('1 lesson scenario built');
    expect(ok.status).toBe(0);
    writeFileSync(join(dir, '09-test', '03-broken.mdx'), '---\ntitle: Broken\ndescription: A lesson.\nscenario: scenarios/missing.yaml\n---\n');
    const bad = await run(dir);
    expect(bad.out).toContain(`✗ ${relative(process.cwd(), join(dir, '09-test', '03-broken.mdx'))}: scenario: expected a scenario file at`);
    expect(bad.status).toBe(1);
  });
});

describe('checkExercise', () => {
  it('runs long enough for the longest stability check', () => {
    const ex = exerciseSchema.parse({
      id: 'x',
      title: 'X',
      solution: 'true',
      tasks: [{ title: 't', checks: [{ type: 'stableFor', seconds: 90, check: { type: 'exists', kind: 'Pod', name: 'a' } }] }],
    });
    expect(settleSecondsFor(ex.tasks[0]!.checks)).toBe(95);
    expect(settleSecondsFor([])).toBe(30);
  });

  it('takes guards: true at the start, still true after, and never alone in a task', async () => {
    const scenario = { objects: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } }], settleSeconds: 10 };
    const guard = { id: 'labels-kept', type: 'field', kind: 'Deployment', name: 'web', path: 'spec.template.metadata.labels.app', equals: 'web', guard: true };
    const exercise = (solution: string, checks: unknown[]) => exerciseSchema.parse({ id: 'x', title: 'X', scenario, solution, tasks: [{ title: 'Expose web', checks }] });
    const expose = { type: 'serviceSelects', service: 'web', equals: 2 };

    expect((await checkExercise('t/x', exercise('kubectl expose deployment web --port=80', [expose, guard]))).problems).toEqual([]);
    // Passing by breaking what the guard protects is caught.
    const broken = await checkExercise('t/x', exercise('kubectl expose deployment web --port=80 --selector=app=other\nkubectl patch deployment web -p \'{"spec":{"template":{"metadata":{"labels":{"app":"other"}}}}}\'', [guard]));
    expect(broken.problems).toContain('task 1 ("Expose web") has only guard checks: it would be done before the learner starts');
    const breaksGuard = await checkExercise('t/x', exercise('kubectl delete deployment web\nkubectl create deployment web --image=nginx:1.25 --replicas=2\nkubectl label deployment web app=x --overwrite\nkubectl expose deployment web --port=80', [{ type: 'exists', kind: 'Service', name: 'web' }, { ...guard, path: 'metadata.labels.app' }]));
    expect(breaksGuard.problems.some((p) => p.startsWith('check "labels-kept" still fails after the solution'))).toBe(true);
    // A guard that is false at the start guards nothing.
    const wrong = await checkExercise('t/x', exercise('kubectl expose deployment web --port=80', [expose, { ...guard, equals: 'api' }]));
    expect(wrong.problems.some((p) => p.startsWith('guard "labels-kept" fails on the start state'))).toBe(true);
  });

  it('is deterministic: the same verdict and transcript twice', async () => {
    const ex = exerciseSchema.parse({
      id: 'x',
      title: 'X',
      solution: 'kubectl run web --image=nginx:1.25\nkubectl get pods -o wide',
      tasks: [{ title: 't', checks: [{ type: 'podsReady', pod: 'web' }] }],
    });
    const a = await checkExercise('t/x', ex);
    expect(a.ok).toBe(true);
    expect(await checkExercise('t/x', ex)).toEqual(a);
  });
});
