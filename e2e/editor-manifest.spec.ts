import { expect, test } from '@playwright/test';
import { inSandbox, openSandbox, showPanel, terminalText, typeCommand } from './sandbox.ts';

const LESSON = '/03-pods/01-your-first-pod/';
const NO_IMAGE = String.raw`printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n' > pod.yaml`;

test('the editor lists a file made in the terminal and shows what it holds', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, 'echo "kind: Pod" > f.yaml');
  const editor = await showPanel(box, 'Editor');
  const file = editor.getByRole('button', { name: 'f.yaml', exact: true });
  await expect(file).toBeVisible();
  await file.click();
  await expect(editor.locator('.cm-content')).toHaveText('kind: Pod');
  // A file written later, while the editor is open, appears too.
  await showPanel(box, 'Terminal');
  await typeCommand(page, box, 'echo "x: 1" > later.yaml');
  await showPanel(box, 'Editor');
  await expect(editor.getByRole('button', { name: 'later.yaml', exact: true })).toBeVisible();
});

test('a manifest missing its image is underlined with kubectl’s message, and fixing it saves to the sandbox', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, NO_IMAGE);
  const editor = await showPanel(box, 'Editor');
  await editor.getByRole('button', { name: 'pod.yaml', exact: true }).click();

  const underline = editor.locator('.cm-lintRange-error');
  await expect(underline).toHaveText('name: web');
  await expect(editor.locator('.wh-editor__status')).toContainText('The Pod "web" is invalid: spec.containers[0].image: Required value');
  await underline.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('spec.containers[0].image: Required value');

  // Add the image at the end of the container; the underline goes and the file is saved.
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('    image: nginx');
  await expect(underline).toHaveCount(0);
  await expect(editor.locator('.wh-editor__saved')).toHaveText('Saved');
  expect(await inSandbox(box, (c) => c.session.shell.fs.read('pod.yaml'), null)).toContain('    image: nginx');
});

test('an unknown field is underlined at its key', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, String.raw`printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    imagee: nginx\n' > typo.yaml`);
  const editor = await showPanel(box, 'Editor');
  await editor.getByRole('button', { name: 'typo.yaml', exact: true }).click();
  await expect(editor.locator('.cm-lintRange-error')).toHaveText('imagee');
  await expect(editor.locator('.wh-editor__status')).toContainText('strict decoding error: unknown field "spec.containers[0].imagee"');
});

test('Apply runs kubectl apply -f in the terminal', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  await typeCommand(page, box, String.raw`printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n' > web.yaml`);
  const editor = await showPanel(box, 'Editor');
  await editor.getByRole('button', { name: 'web.yaml', exact: true }).click();
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(box.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => terminalText(box)).toContain('$ kubectl apply -f web.yaml');
});

test('new, rename and delete work on the sandbox filesystem', async ({ page }) => {
  await page.goto(LESSON);
  const box = await openSandbox(page);
  const editor = await showPanel(box, 'Editor');
  await editor.getByRole('button', { name: 'New file' }).click();
  await page.keyboard.type('svc.yaml');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'svc.yaml', exact: true })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.type('kind: Service');
  await expect(editor.locator('.wh-editor__saved')).toHaveText('Saved');

  await editor.getByRole('button', { name: 'Rename' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('service.yaml');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'service.yaml', exact: true })).toBeVisible();
  await expect(editor.getByRole('button', { name: 'svc.yaml', exact: true })).toHaveCount(0);
  expect(await inSandbox(box, (c) => [c.session.shell.fs.kind('svc.yaml') ?? 'none', c.session.shell.fs.read('service.yaml')], null)).toEqual(['none', 'kind: Service']);

  await editor.getByRole('button', { name: 'Delete' }).click();
  await editor.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
  await expect(editor.getByRole('button', { name: 'service.yaml', exact: true })).toHaveCount(0);
  expect(await inSandbox(box, (c) => c.session.shell.fs.kind('service.yaml') ?? 'none', null)).toBe('none');
});
