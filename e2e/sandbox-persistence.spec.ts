import { expect, test } from '@playwright/test';
import { LESSON, quietly, ready, run, screen, storedKeys } from './sandbox-helpers.ts';

const KEY = 'wheelhouse:sandbox:/03-pods/01-your-first-pod/#03-pods/01-your-first-pod';

test.describe('sandbox persistence', () => {
  test('a reload brings back the cluster, the scrollback and the history', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'kubectl run web --image=nginx');
    await run(page, box, 'echo "apiVersion: v1" > notes.yaml');
    await page.reload();
    const again = await ready(page.locator('wh-sandbox').first());
    await expect.poll(() => screen(again)).toContain('pod/web created');
    await expect.poll(() => screen(again)).toContain('(Restored your sandbox from a moment ago.)');
    await run(page, again, 'kubectl get pods');
    await expect.poll(() => screen(again)).toMatch(/web\s+\d\/1/);
    expect(await quietly(again, 'cat notes.yaml')).toBe('apiVersion: v1\n');
    await again.locator('.xterm').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => again.evaluate((el) => (el as HTMLElement & { sandbox: { terminalSession: { editor: { line: string } } } }).sandbox.terminalSession.editor.line)).toBe('kubectl run web --image=nginx');
    expect(await storedKeys(page)).toEqual([KEY]);
  });

  for (const [label, value, detail] of [
    ['corrupt JSON', '{"schema":1,"savedAt":', 'The saved data is not valid JSON.'],
    ['another schema version', JSON.stringify({ schema: 7, savedAt: 0 }), 'It was saved in another format (version 7; this page reads version 1).'],
  ] as const) {
    test(`${label} is discarded with a notice, and the sandbox works`, async ({ page }) => {
      await page.goto(LESSON);
      await ready(page.locator('wh-sandbox').first());
      await page.evaluate(({ k, v }) => localStorage.setItem(k, v), { k: KEY, v: value });
      await page.reload();
      const box = await ready(page.locator('wh-sandbox').first());
      const notice = box.locator('.sandbox__notice');
      await expect(notice).toContainText('Your saved sandbox could not be restored, so it starts fresh.');
      await expect(notice).toContainText(detail);
      await expect(box.locator('[data-notices]')).toHaveAttribute('role', 'status');
      await run(page, box, 'kubectl get nodes');
      await expect.poll(() => screen(box)).toMatch(/node-3\s+Ready/);
      await notice.getByRole('button', { name: 'Dismiss this message' }).click();
      await expect(notice).toHaveCount(0);
    });
  }

  test('a snapshot that throws on restore is discarded too', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'kubectl run web --image=nginx');
    // Leave for a page without a sandbox (this one saves as it goes), then damage the save.
    await page.goto('/');
    await page.evaluate((k) => {
      const saved = JSON.parse(localStorage.getItem(k)!);
      saved.session.cluster.version = 99;
      localStorage.setItem(k, JSON.stringify(saved));
    }, KEY);
    await page.goto(LESSON);
    const again = await ready(page.locator('wh-sandbox').first());
    await expect(again.locator('.sandbox__notice')).toContainText('unsupported snapshot version 99');
    expect(await quietly(again, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
  });

  test('reset asks first, then starts over and forgets the saved state', async ({ page }) => {
    await page.goto(LESSON);
    const box = await ready(page.locator('wh-sandbox').first());
    await run(page, box, 'kubectl run web --image=nginx');
    await box.evaluate((el) => (el as HTMLElement & { sandbox: { save(): void } }).sandbox.save());
    expect(await storedKeys(page)).toHaveLength(1);

    const reset = box.getByRole('button', { name: 'Reset', exact: true });
    await reset.click();
    await expect(reset).toHaveAttribute('aria-expanded', 'true');
    await expect(box.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box.getByRole('group', { name: 'Confirm reset' })).toBeHidden();
    await expect(reset).toBeFocused();
    expect(await quietly(box, 'kubectl get pods -o name')).toBe('pod/web\n');

    await reset.click();
    await box.getByRole('button', { name: 'Reset sandbox' }).click();
    await expect.poll(() => screen(box)).not.toContain('pod/web created');
    await expect.poll(() => screen(box)).toContain('A simulated Kubernetes cluster');
    expect(await quietly(box, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
    expect(await storedKeys(page)).toEqual([]);
    await expect(box.locator('.xterm-helper-textarea')).toBeFocused();
    await run(page, box, 'kubectl get nodes');
    await expect.poll(() => screen(box)).toMatch(/node-1\s+Ready/);
    // A reload after a reset starts fresh, with no notice.
    await page.reload();
    const again = await ready(page.locator('wh-sandbox').first());
    await expect(again.locator('.sandbox__notice')).toHaveCount(0);
  });
});
