import { expect, test, type Page } from '@playwright/test';
import { NOTEBOOK, showPanel, terminalText } from './sandbox.ts';

async function openNotebook(page: Page) {
  await page.goto(NOTEBOOK);
  const box = page.locator('#sandbox wh-sandbox');
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  return { box, cells: page.locator('[data-code-block][data-run]') };
}

test('a cell runs in the lesson’s sandbox and shows its output under it with [1]', async ({ page }) => {
  const { cells } = await openNotebook(page);
  const first = cells.nth(0);
  await expect(first.locator('[data-cell-count]')).toHaveText('[ ]');
  await first.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(first.locator('[data-cell-count]')).toHaveText('[1]');
  await expect(first.locator('.cell-output__text')).toContainText(/node-3\s+Ready/);
  await expect(first.getByRole('status')).toHaveText('Cell 1 finished');
  // Shift+Enter on a focused cell runs it again: [2].
  await first.locator('pre.astro-code').focus();
  await page.keyboard.press('Shift+Enter');
  await expect(first.locator('[data-cell-count]')).toHaveText('[2]');
});

test('Run all above replays the cells before this one, in order', async ({ page }) => {
  const { cells } = await openNotebook(page);
  await cells.nth(2).getByRole('button', { name: 'Run all above' }).click();
  await expect(cells.nth(0).locator('[data-cell-count]')).toHaveText('[1]');
  await expect(cells.nth(1).locator('[data-cell-count]')).toHaveText('[2]');
  await expect(cells.nth(1).locator('.cell-output__text')).toHaveText('pod/web created');
  await expect(cells.nth(2).locator('[data-cell-count]')).toHaveText('[ ]');
  await cells.nth(2).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cells.nth(2).locator('.cell-output__text')).toContainText(/^NAME\s+READY\s+STATUS/);
  await expect(cells.nth(2).locator('.cell-output__text')).toContainText(/web\s+0\/1/);
});

test('outputs survive a reload, and Reset clears them', async ({ page }) => {
  const { cells, box } = await openNotebook(page);
  await cells.nth(1).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cells.nth(1).locator('.cell-output__text')).toHaveText('pod/web created');
  await page.reload();
  await expect(cells.nth(1).locator('[data-cell-count]')).toHaveText('[1]');
  await expect(cells.nth(1).locator('.cell-output__text')).toHaveText('pod/web created');
  await expect(box).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  // The cluster came back too: the pod the cell created is there.
  await cells.nth(2).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cells.nth(2).locator('[data-cell-count]')).toHaveText('[2]');
  await expect(cells.nth(2).locator('.cell-output__text')).toContainText('web');

  await box.getByRole('button', { name: 'Reset' }).click();
  await box.getByRole('button', { name: 'Reset sandbox' }).click();
  await expect(cells.nth(1).locator('[data-cell-output]')).toBeHidden();
  await expect(cells.nth(1).locator('[data-cell-count]')).toHaveText('[ ]');
  await page.reload();
  await expect(cells.nth(1).locator('[data-cell-count]')).toHaveText('[ ]');
});

test('a long cell shows that it is running and Stop interrupts it', async ({ page }) => {
  const { cells } = await openNotebook(page);
  const slow = cells.nth(3);
  await slow.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(slow.locator('[data-cell-count]')).toHaveText('[*]');
  await expect(slow.getByRole('status')).toHaveText('Running…');
  await expect(slow.locator('.cell-output__text')).toHaveText('written by a cell');
  await slow.getByRole('button', { name: 'Stop' }).click();
  await expect(slow.getByRole('status')).toHaveText('Stopped');
  await expect(slow.locator('[data-cell-count]')).toHaveText('[1]');
  await expect(slow.locator('.cell-output__text')).not.toContainText('done waiting');
});

test('a cell names another sandbox with sandbox=', async ({ page }) => {
  const { cells } = await openNotebook(page);
  const other = page.locator('wh-sandbox[data-sandbox-id="dev/notebook/second"]');
  await other.scrollIntoViewIfNeeded();
  await expect(other).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await cells.nth(1).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cells.nth(1).locator('.cell-output__text')).toHaveText('pod/web created');
  const second = cells.nth(4);
  await expect(second.locator('.cell-sandbox')).toHaveText('in second');
  await second.getByRole('button', { name: 'Run', exact: true }).click();
  // The second sandbox has its own cluster (no pod web) and its own counter.
  await expect(second.locator('[data-cell-count]')).toHaveText('[1]');
  await expect(second.locator('.cell-output__text')).toHaveText('No resources found in default namespace.');
});

test('Copy copies a block’s code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(NOTEBOOK);
  const block = page.locator('[data-code-block]').nth(0);
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl get nodes');
  const text = page.locator('[data-code-block][data-lang="text"]');
  await text.hover();
  await text.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          12s');
});

test('a YAML manifest opens in the editor and applies from the terminal', async ({ page }) => {
  const { box } = await openNotebook(page);
  const manifest = page.locator('[data-code-block][data-lang="yaml"]');
  await manifest.getByRole('button', { name: 'Open in editor' }).click();
  const editor = box.locator('[data-panel="editor"]');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('button', { name: 'cache.yaml', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(editor.locator('.cm-content')).toContainText('image: redis');
  await manifest.getByRole('button', { name: 'Apply' }).click();
  await expect(box.getByRole('tab', { name: 'Terminal' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => terminalText(box)).toContain('$ kubectl apply -f cache.yaml');
  await showPanel(box, 'Editor');
});

test('without JavaScript the page is plain, readable code', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(NOTEBOOK);
  const first = page.locator('[data-code-block]').nth(0);
  await expect(first.locator('pre')).toHaveText('kubectl get nodes');
  await expect(first.locator('pre')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Run', exact: true })).toBeHidden();
  await expect(first.getByRole('button', { name: 'Copy' })).toBeHidden();
  await context.close();
});

test('reading the notebook loads only the small cell script until a cell is used', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(NOTEBOOK);
  await page.waitForLoadState('networkidle');
  expect(scripts.some((u) => /runtime|codemirror|editor-panel/.test(u))).toBe(false);
  expect(scripts.some((u) => /CodeBlockCells/.test(u))).toBe(true);
});
