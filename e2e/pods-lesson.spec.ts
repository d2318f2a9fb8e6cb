import { expect, test } from '@playwright/test';
import { openSandbox, terminalText, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

test('a learner runs a pod and sees it Running', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const box = await openSandbox(page);

  await typeCommand(page, box, 'kubectl run web --image=nginx');
  await expect.poll(() => terminalText(box)).toContain('pod/web created');

  // The pod needs a few seconds of cluster time to pull its image and start.
  await expect
    .poll(
      async () => {
        await typeCommand(page, box, 'kubectl get pods');
        await page.waitForTimeout(300);
        const text = await terminalText(box);
        return /web\s+1\/1\s+Running/.test(text);
      },
      { timeout: 20_000, intervals: [1500] },
    )
    .toBe(true);
});

test('kubectl errors read exactly as kubectl prints them', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl get pods nope');
  await expect.poll(() => terminalText(box)).toContain('Error from server (NotFound): pods "nope" not found');
  await typeCommand(page, box, 'kubectl get nodes');
  await expect.poll(() => terminalText(box)).toMatch(/control-plane\s+Ready\s+control-plane/);
});

test('line editing: history, cursor movement and Ctrl+U', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl get ns');
  await expect.poll(() => terminalText(box)).toContain('kube-system');
  await page.keyboard.type('garbage');
  await page.keyboard.press('Control+U');
  await page.keyboard.press('ArrowUp');
  // Recall "kubectl get ns", move left over "ns", and edit it into "nodes".
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('nodes');
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(box)).toMatch(/node-3\s+Ready/);
});
