import { expect, test } from '@playwright/test';
import { openSandbox, terminalText, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

test('a learner solves the first Pods exercise in the terminal, and it stays solved after a reload', async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(() => localStorage.removeItem('wheelhouse:progress'));
  await page.reload();

  const panel = page.locator('[data-exercise="03-pods/01-your-first-pod/run-a-pod"]');
  await expect(panel.getByRole('heading', { name: 'Run a pod and keep it running' })).toBeVisible();
  const tasks = panel.locator('[data-task]');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(0)).toContainText('4 points');

  // Hints come one at a time.
  const hints = tasks.nth(0).locator('[data-hints] li');
  await expect(hints.nth(0)).toBeHidden();
  await tasks.nth(0).getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();

  await panel.getByRole('button', { name: 'Start exercise' }).click();
  const box = await openSandbox(page);
  await expect(panel.locator('[data-status]')).toContainText('Exercise started');
  await expect(tasks.nth(0).locator('[data-message]')).toBeVisible();
  await expect(tasks.nth(0)).toHaveAttribute('data-state', 'open');

  // The solution, typed as a learner would.
  await typeCommand(page, box, 'kubectl run web --image=nginx:1.25');
  await expect.poll(() => terminalText(box)).toContain('pod/web created');
  await expect(tasks.nth(0)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  await typeCommand(page, box, 'sleep 5');
  await typeCommand(page, box, 'kubectl get pods');

  // Running and Ready, then held for 10 s of cluster time.
  await expect(tasks.nth(1)).toHaveAttribute('data-state', 'done', { timeout: 40_000 });
  const celebrate = panel.locator('[data-celebrate]');
  await expect(celebrate).toBeVisible();
  await expect(celebrate).toContainText('10 of 10 points');

  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('wheelhouse:progress') ?? 'null'));
  expect(saved.schema).toBe(2);
  expect(saved.exercises['03-pods/01-your-first-pod/run-a-pod']).toMatchObject({ done: true, score: 10, attempts: 1, hintsUsed: 1 });

  await page.reload();
  await expect(panel.locator('[data-celebrate]')).toContainText('10 of 10 points');
  await expect(tasks.nth(0)).toHaveAttribute('data-state', 'done');
  await expect(tasks.nth(1)).toHaveAttribute('data-state', 'done');
});

test('the quiz marks answers and keeps the score; bad saved progress is ignored', async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(() => localStorage.setItem('wheelhouse:progress', '{"schema":1,"exercises":{"x":{"done":"nope"}}}'));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.reload();
  const quiz = page.locator('[data-quiz-id="03-pods/01-your-first-pod"]');
  const first = quiz.locator('[data-question="created-means"]');
  await first.getByLabel('The container is running on a node.').check();
  await first.getByRole('button', { name: 'Check' }).click();
  await expect(first.locator('[data-feedback]')).toContainText('Not quite');
  await first.getByLabel(/The API server has stored the pod/).check();
  await first.getByRole('button', { name: 'Check' }).click();
  await expect(first.locator('[data-feedback]')).toContainText('Right');
  await expect(quiz.locator('[data-quiz-score]')).toContainText('1 of 3');
  expect(warnings.some((w) => w.includes('malformed'))).toBe(true);

  const shared = quiz.locator('[data-question="shared"]');
  await expect(shared.locator('input[type="checkbox"]')).toHaveCount(4);
});

test("an exercise starts from its own cluster; Reset restarts it, even after a reload; Leave gives the lesson's sandbox back", async ({ page }) => {
  await page.goto(LESSON);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const panel = page.locator('[data-exercise="03-pods/01-your-first-pod/delete-a-pod"]');
  const tasks = panel.locator('[data-task]');
  await panel.getByRole('button', { name: 'Start exercise' }).click();
  const box = await openSandbox(page);
  await expect(panel.locator('[data-status]')).toContainText("this exercise's cluster");

  // The scenario's pod web is already running, as the exercise says.
  await typeCommand(page, box, 'kubectl get pods');
  await expect.poll(() => terminalText(box)).toMatch(/web\s+1\/1\s+Running/);
  await typeCommand(page, box, 'kubectl delete pod web');
  await expect(tasks.nth(0)).toHaveAttribute('data-state', 'done', { timeout: 40_000 });

  // Reset brings the exercise's start back, also after a reload.
  await page.reload();
  const again = await openSandbox(page);
  await again.getByRole('button', { name: 'Reset', exact: true }).click();
  await again.getByRole('button', { name: 'Reset sandbox' }).click();
  await typeCommand(page, again, 'kubectl get pods');
  await expect.poll(() => terminalText(again)).toMatch(/web\s+1\/1\s+Running/);

  // Leaving puts the lesson's own start (the empty default cluster) back.
  await panel.getByRole('button', { name: 'Start exercise' }).click();
  await panel.getByRole('button', { name: 'Leave exercise' }).click();
  await expect(panel.locator('[data-status]')).toContainText("back at the lesson's start");
  await typeCommand(page, again, 'kubectl get pods');
  await expect.poll(() => terminalText(again)).toContain('No resources found in default namespace.');
});
