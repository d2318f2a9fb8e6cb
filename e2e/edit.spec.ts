import { expect, test } from '@playwright/test';
import { inSandbox, openSandbox, showPanel, terminalText, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';

test('kubectl edit opens the object in the editor, and Ctrl+S applies it', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl create deployment web --image=nginx');
  await expect.poll(() => terminalText(box)).toContain('deployment.apps/web created');
  await typeCommand(page, box, 'kubectl edit deploy/web');

  const editor = box.locator('[data-panel="editor"]');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.wh-editor__path')).toHaveText(/^\/tmp\/kubectl-edit-\w{10}\.yaml$/);
  await expect(editor.locator('[data-edit-bar]')).toBeVisible();
  await expect(editor.locator('.cm-content')).toContainText("# Please edit the object below. Lines beginning with a '#' will be ignored,");

  // Change the replica count where it is, as a learner would.
  await editor.locator('.cm-line', { hasText: /^\s*replicas: 1$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await page.keyboard.press('Control+s');

  await expect(editor.locator('[data-edit-bar]')).toBeHidden();
  await showPanel(box, 'Terminal');
  await expect.poll(() => terminalText(box)).toContain('deployment.apps/web edited');
  expect(await inSandbox(box, (c) => c.session.cluster.api.get('Deployment', 'default', 'web').spec.replicas, null)).toBe(3);
});

test('an invalid save comes back with the reason in the header; Cancel ends the edit', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl create deployment web --image=nginx');
  await expect.poll(() => terminalText(box)).toContain('deployment.apps/web created');
  await typeCommand(page, box, 'kubectl edit deployment web');
  const editor = box.locator('[data-panel="editor"]');
  await expect(editor.locator('[data-edit-bar]')).toBeVisible();

  await editor.locator('.cm-line', { hasText: /^\s*replicas: 1$/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-1');
  await editor.getByRole('button', { name: 'Save and apply' }).click();

  await expect(editor.locator('.cm-content')).toContainText('# deployments.apps "web" was not valid:');
  await expect(editor.locator('.cm-content')).toContainText('# * spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  await expect(editor.locator('.cm-content')).toContainText('replicas: -1');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  await showPanel(box, 'Terminal');
  const text = await terminalText(box);
  await expect.poll(() => terminalText(box)).toContain('error: Edit cancelled, no valid changes were saved.');
  expect(text).toContain('error: deployments.apps "web" is invalid');
  expect(await inSandbox(box, (c) => c.session.cluster.api.get('Deployment', 'default', 'web').spec.replicas, null)).toBe(1);
});

test('Ctrl+C in the terminal cancels a waiting kubectl edit', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'kubectl create deployment web --image=nginx');
  await expect.poll(() => terminalText(box)).toContain('deployment.apps/web created');
  await typeCommand(page, box, 'kubectl edit deploy/web');
  await expect(box.locator('[data-edit-bar]')).toBeVisible();
  await showPanel(box, 'Terminal');
  await box.locator('.xterm').click();
  await page.keyboard.press('Control+c');
  await expect.poll(() => terminalText(box)).toContain('Edit cancelled, no changes made.');
});
